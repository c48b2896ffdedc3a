package com.spatialintel.video.storage;

import java.io.IOException;

/**
 * S3 stopped sending an object midway: the connection broke, or it ended before the bytes it
 * promised. Unlike a viewer who leaves, this is a fault: the response must be cut off at once so
 * that the client sees it, instead of waiting for bytes that will never come.
 */
public class StorageReadFailedException extends StorageUnavailableException {

	StorageReadFailedException(String key, long missingBytes, IOException cause) {
		super(new IOException("S3 stopped sending " + key + " with " + missingBytes + " bytes to go"
				+ (cause == null ? " (it ended the body early)" : ": " + cause.getMessage()), cause));
	}

}
