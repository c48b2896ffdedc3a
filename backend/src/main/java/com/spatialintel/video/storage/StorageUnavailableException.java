package com.spatialintel.video.storage;

import java.time.Duration;

import com.spatialintel.video.system.DomainException;

import org.springframework.http.HttpStatus;

/** S3 cannot be reached or answers with a server error; the request may be repeated later. */
public class StorageUnavailableException extends DomainException {

	public StorageUnavailableException(Throwable cause) {
		super("The video store (S3) cannot be reached right now; nothing was changed. Try again in a minute.");
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
