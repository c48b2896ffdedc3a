package com.spatialintel.video.errors;

import org.springframework.http.HttpStatus;

/** The request is well formed but clashes with the current state, e.g. a name already taken. */
public class ConflictException extends DomainException {

	public ConflictException(String detail) {
		super(detail);
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.CONFLICT;
	}

}
