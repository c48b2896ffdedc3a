package com.spatialintel.video.auth;

import com.spatialintel.video.errors.DomainException;

import org.springframework.http.HttpStatus;

/** Wrong e-mail or password; the same sentence for both, so accounts cannot be discovered. */
class AuthenticationFailedException extends DomainException {

	AuthenticationFailedException() {
		super("The e-mail address or password is incorrect.");
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.UNAUTHORIZED;
	}

}
