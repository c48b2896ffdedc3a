package com.spatialintel.video.storage;

import com.spatialintel.video.errors.ServiceUnavailableException;

/** S3 cannot be reached or answers with a server error; the request may be repeated later. */
public class StorageUnavailableException extends ServiceUnavailableException {

	public StorageUnavailableException(Throwable cause) {
		super("The video store (S3) cannot be reached right now; nothing was changed. Try again in a minute.", cause);
	}

}
