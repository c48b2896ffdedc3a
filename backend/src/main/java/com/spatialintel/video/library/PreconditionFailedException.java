package com.spatialintel.video.library;

import com.spatialintel.video.errors.DomainException;

import org.springframework.http.HttpStatus;

/** 412: the request's If-Match or If-Unmodified-Since names a version of the file that is not the current one. */
class PreconditionFailedException extends DomainException {

	PreconditionFailedException() {
		super("The video's file is not the version this request names (If-Match or If-Unmodified-Since): "
				+ "it was replaced, for example by reprocessing. Ask again without those headers.");
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.PRECONDITION_FAILED;
	}

}
