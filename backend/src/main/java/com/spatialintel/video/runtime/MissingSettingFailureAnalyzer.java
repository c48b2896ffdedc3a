package com.spatialintel.video.runtime;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

class MissingSettingFailureAnalyzer extends AbstractFailureAnalyzer<MissingSettingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingSettingException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Set the environment variable " + cause.variable()
						+ " (secrets: export " + cause.variable() + "=$(openssl rand -base64 48)),"
						+ " or run without DATABASE_URL and S3_ENDPOINT to use the embedded mode, which generates its own.",
				cause);
	}

}
