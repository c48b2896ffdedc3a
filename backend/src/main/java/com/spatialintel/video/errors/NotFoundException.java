package com.spatialintel.video.errors;

import org.springframework.http.HttpStatus;

/**
 * Something does not exist, or the caller may not know that it exists: a mall the caller is not
 * granted reads exactly like a mall that was never created.
 */
public class NotFoundException extends DomainException {

	public NotFoundException(String kind, Object id) {
		super("%s %s was not found.".formatted(kind, id));
	}

	/** A sentence of its own, for something that existed and is gone. */
	public NotFoundException(String detail) {
		super(detail);
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.NOT_FOUND;
	}

}
