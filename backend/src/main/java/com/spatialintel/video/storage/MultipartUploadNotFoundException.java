package com.spatialintel.video.storage;

/** S3 no longer knows the multipart upload: it was completed or aborted. */
public class MultipartUploadNotFoundException extends RuntimeException {

	public MultipartUploadNotFoundException(String key, Throwable cause) {
		super("No multipart upload in progress for " + key, cause);
	}

}
