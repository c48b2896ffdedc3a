package com.spatialintel.video.system;

/** A secret that production must be given was not; start-up stops with a sentence naming it. */
public class MissingSecretException extends RuntimeException {

	private final String variable;

	public MissingSecretException(String variable, String purpose) {
		super("%s is not set: the app needs it to %s. Set %s to a random string of at least %d characters."
			.formatted(variable, purpose, variable, LocalSecrets.MINIMUM_LENGTH));
		this.variable = variable;
	}

	public MissingSecretException(String variable, String purpose, int actualLength) {
		super("%s is too short (%d characters): the app needs it to %s. Use a random string of at least %d characters."
			.formatted(variable, actualLength, purpose, LocalSecrets.MINIMUM_LENGTH));
		this.variable = variable;
	}

	public String variable() {
		return variable;
	}

}
