package com.spatialintel.video.errors;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A refusal the client can act on. The message is the sentence a person reads in the
 * problem's {@code detail}; the status is the HTTP status it maps to.
 */
public abstract class DomainException extends RuntimeException {

	protected DomainException(String detail) {
		super(detail);
	}

	public abstract HttpStatus status();

	/** Headers the answer must carry besides {@code Retry-After}, e.g. {@code Content-Range} of a 416. */
	public HttpHeaders headers() {
		return new HttpHeaders();
	}

	/** When the client may try again, sent as {@code Retry-After}; null when retrying will not help. */
	public Duration retryAfter() {
		return null;
	}

}
