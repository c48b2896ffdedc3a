package com.spatialintel.video.auth;

import java.time.Instant;

/** Published when a sign-in was refused; {@code email} is what was typed, normalised, and may name no user. */
public record SignInRefused(String email, String clientAddress, Reason reason, Instant at) {

	public enum Reason {

		/** The e-mail or the password was wrong (the answer does not say which). */
		WRONG_CREDENTIALS,

		/** Too many failed sign-ins for this e-mail or this client; not even checked. */
		TOO_MANY_ATTEMPTS,

		/** The password was right but an admin disabled the account. */
		ACCOUNT_DISABLED

	}

}
