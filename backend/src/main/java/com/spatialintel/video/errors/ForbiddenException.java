package com.spatialintel.video.errors;

import org.springframework.http.HttpStatus;

/** The request carries a credential that does not allow it, e.g. an expired or altered signed link. */
public class ForbiddenException extends DomainException {

	public ForbiddenException(String detail) {
		super(detail);
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.FORBIDDEN;
	}

}
