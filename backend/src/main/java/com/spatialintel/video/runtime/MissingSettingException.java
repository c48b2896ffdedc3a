package com.spatialintel.video.runtime;

/** A setting that production must be given was not; start-up stops with a sentence naming it. */
public class MissingSettingException extends RuntimeException {

	private final String variable;

	private MissingSettingException(String variable, String message) {
		super(message);
		this.variable = variable;
	}

	static MissingSettingException missingSecret(String variable, String purpose) {
		return new MissingSettingException(variable,
				"%s is not set: the app needs it to %s. Set %s to a random string of at least %d characters."
					.formatted(variable, purpose, variable, LocalSecrets.MINIMUM_LENGTH));
	}

	static MissingSettingException shortSecret(String variable, String purpose, int actualLength) {
		return new MissingSettingException(variable,
				"%s is too short (%d characters): the app needs it to %s. Use a random string of at least %d characters."
					.formatted(variable, actualLength, purpose, LocalSecrets.MINIMUM_LENGTH));
	}

	static MissingSettingException missing(String variable, String purpose, String example) {
		return new MissingSettingException(variable,
				"%s is not set: the app needs it to %s. Set it, for example %s=%s.".formatted(variable, purpose, variable,
						example));
	}

	static MissingSettingException placeholder(String variable) {
		return new MissingSettingException(variable,
				"%s still holds the placeholder from deploy/.env.example: the app will not run on a published value. Set %s to a secret of your own (for example the output of: openssl rand -base64 48)."
					.formatted(variable, variable));
	}

	/** A setting that is given but cannot be used: {@code problem} ends "VARIABLE …", {@code example} shows a good value. */
	public static MissingSettingException invalid(String variable, String problem, String example) {
		return new MissingSettingException(variable,
				"%s %s. Set it to %s.".formatted(variable, problem, example));
	}

	public String variable() {
		return variable;
	}

}
