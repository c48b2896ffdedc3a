package com.spatialintel.video.errors;

import java.time.Duration;

import org.springframework.http.HttpStatus;

/** The caller must wait before trying again; {@link #retryAfter()} becomes the Retry-After header. */
public class TooManyRequestsException extends DomainException {

	private final Duration retryAfter;

	public TooManyRequestsException(String detail, Duration retryAfter) {
		super(detail);
		this.retryAfter = retryAfter;
	}

	@Override
	public Duration retryAfter() {
		return retryAfter;
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.TOO_MANY_REQUESTS;
	}

}
