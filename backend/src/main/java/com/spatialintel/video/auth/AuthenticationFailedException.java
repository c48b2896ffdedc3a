package com.spatialintel.video.auth;

import com.spatialintel.video.errors.DomainException;

import org.springframework.http.HttpStatus;

/**
 * Wrong e-mail or password; the same sentence for both, so accounts cannot be discovered. Only the
 * right password learns that the account is disabled.
 */
class AuthenticationFailedException extends DomainException {

	AuthenticationFailedException() {
		super("The e-mail address or password is incorrect.");
	}

	/** A refusal after the right password (a disabled account), with its own sentence. */
	AuthenticationFailedException(String detail) {
		super(detail);
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.UNAUTHORIZED;
	}

}
