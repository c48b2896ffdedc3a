package com.spatialintel.video.errors;

import java.time.Duration;

import org.springframework.http.HttpStatus;

/** Something the request needs is down for the moment; nothing was changed, and the client may retry. */
public class ServiceUnavailableException extends DomainException {

	public ServiceUnavailableException(String detail, Throwable cause) {
		super(detail);
		initCause(cause);
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.SERVICE_UNAVAILABLE;
	}

	@Override
	public Duration retryAfter() {
		return Duration.ofSeconds(30);
	}

}
