package com.spatialintel.video.storage;

/** S3 refused to assemble a multipart upload from the parts given (e.g. a part too small or unknown). */
public class PartsRejectedException extends RuntimeException {

	private final String errorCode;

	public PartsRejectedException(String errorCode, Throwable cause) {
		super("S3 refused to complete the upload: " + errorCode, cause);
		this.errorCode = errorCode;
	}

	public String errorCode() {
		return errorCode;
	}

}
