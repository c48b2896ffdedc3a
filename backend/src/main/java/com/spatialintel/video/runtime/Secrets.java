package com.spatialintel.video.runtime;

/** How settings show a secret in {@code toString()}, so that no log line or error message carries it. */
public final class Secrets {

	private Secrets() {
	}

	/** {@code "(set, N characters)"} or {@code "(not set)"}: enough to tell a missing secret from a wrong one. */
	public static String mask(String secret) {
		return secret == null || secret.isEmpty() ? "(not set)" : "(set, " + secret.length() + " characters)";
	}

}
