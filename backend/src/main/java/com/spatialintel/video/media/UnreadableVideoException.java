package com.spatialintel.video.media;

import com.spatialintel.video.errors.DomainException;

import org.springframework.http.HttpStatus;

/** The file is not a video this system can use; the sentence says why. */
public class UnreadableVideoException extends DomainException {

	public UnreadableVideoException(String detail) {
		super(detail);
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.UNPROCESSABLE_CONTENT;
	}

}
