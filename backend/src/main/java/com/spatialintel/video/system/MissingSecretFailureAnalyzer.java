package com.spatialintel.video.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

class MissingSecretFailureAnalyzer extends AbstractFailureAnalyzer<MissingSecretException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingSecretException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Set the environment variable " + cause.variable()
						+ " (for example: export " + cause.variable() + "=$(openssl rand -base64 48)),"
						+ " or run without DATABASE_URL to use the embedded mode, which generates its own secrets.",
				cause);
	}

}
