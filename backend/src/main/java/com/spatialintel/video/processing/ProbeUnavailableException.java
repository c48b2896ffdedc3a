package com.spatialintel.video.processing;

import java.time.Duration;

import com.spatialintel.video.system.DomainException;

import org.springframework.http.HttpStatus;

/** ffprobe could not run or could not reach the file: no verdict on the file, try again later. */
public class ProbeUnavailableException extends DomainException {

	public ProbeUnavailableException(String detail, Throwable cause) {
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
