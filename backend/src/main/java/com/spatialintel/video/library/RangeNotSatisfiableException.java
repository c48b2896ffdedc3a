package com.spatialintel.video.library;

import com.spatialintel.video.errors.DomainException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** A {@code Range} that starts past the end of the file: 416 with {@code Content-Range: bytes *&#47;size}. */
class RangeNotSatisfiableException extends DomainException {

	private final long size;

	RangeNotSatisfiableException(String range, long size) {
		super("The range " + range + " lies outside the file, which has " + size + " bytes.");
		this.size = size;
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE;
	}

	@Override
	public HttpHeaders headers() {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.CONTENT_RANGE, "bytes */" + size);
		return headers;
	}

}
