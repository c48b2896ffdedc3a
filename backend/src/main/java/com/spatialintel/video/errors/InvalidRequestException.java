package com.spatialintel.video.errors;

import org.springframework.http.HttpStatus;

/** A request whose content is wrong in a way bean validation cannot express. */
public class InvalidRequestException extends DomainException {

	public InvalidRequestException(String detail) {
		super(detail);
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.BAD_REQUEST;
	}

}
