package com.spatialintel.video.runtime;

import java.nio.file.Path;

import com.spatialintel.video.SpatialIntelVideoApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** With a database URL (production), every secret and the S3 settings must be given; start-up names what is missing. */
class StartupSecretsTests {

	private static final String GOOD_SECRET = "a-production-secret-0123456789abcdef";

	@TempDir
	Path dataDir;

	@Test
	void aMissingJwtSecretStopsStartUpWithASentenceNamingIt() {
		assertThatThrownBy(() -> start("--JWT_SECRET=", "--SIGNING_SECRET=" + GOOD_SECRET))
			.isInstanceOf(MissingSettingException.class)
			.hasMessageStartingWith("JWT_SECRET is not set: the app needs it to sign login tokens.");
	}

	@Test
	void aMissingSigningSecretStopsStartUpWithASentenceNamingIt() {
		assertThatThrownBy(() -> start("--JWT_SECRET=" + GOOD_SECRET, "--SIGNING_SECRET="))
			.isInstanceOf(MissingSettingException.class)
			.hasMessageStartingWith("SIGNING_SECRET is not set: the app needs it to sign video stream URLs.");
	}

	@Test
	void aShortSecretIsRefused() {
		assertThatThrownBy(() -> start("--JWT_SECRET=short", "--SIGNING_SECRET=" + GOOD_SECRET))
			.isInstanceOf(MissingSettingException.class)
			.hasMessageStartingWith("JWT_SECRET is too short (5 characters)");
	}

	@Test
	void aPlaceholderFromTheDeploymentExampleIsRefusedWhereverASecretIsExpected() {
		assertThatThrownBy(() -> start("--JWT_SECRET=" + GOOD_SECRET, "--SIGNING_SECRET=CHANGE-ME-signing-secret-of-48-random-characters"))
			.isInstanceOf(MissingSettingException.class)
			.hasMessageStartingWith("SIGNING_SECRET still holds the placeholder from deploy/.env.example");
		assertThatThrownBy(() -> start("--JWT_SECRET=" + GOOD_SECRET, "--SIGNING_SECRET=" + GOOD_SECRET,
				"--DATABASE_PASSWORD=change-me-database-password"))
			.isInstanceOf(MissingSettingException.class)
			.hasMessageStartingWith("DATABASE_PASSWORD still holds the placeholder");
	}

	@Test
	void aMissingS3EndpointStopsStartUpWithASentenceNamingIt() {
		assertThatThrownBy(() -> start("--JWT_SECRET=" + GOOD_SECRET, "--SIGNING_SECRET=" + GOOD_SECRET, "--S3_ENDPOINT="))
			.isInstanceOf(MissingSettingException.class)
			.hasMessageStartingWith("S3_ENDPOINT is not set: the app needs it to store videos.");
	}

	@Test
	void missingS3CredentialsStopStartUpWithASentenceNamingThem() {
		assertThatThrownBy(() -> start("--JWT_SECRET=" + GOOD_SECRET, "--SIGNING_SECRET=" + GOOD_SECRET, "--S3_SECRET_KEY="))
			.isInstanceOf(MissingSettingException.class)
			.hasMessageStartingWith("S3_SECRET_KEY is not set");
	}

	@Test
	void theFailureReportTellsTheOperatorWhatToDo() {
		MissingSettingException missing = MissingSettingException.missingSecret("JWT_SECRET", "sign login tokens");

		FailureAnalysis analysis = new MissingSettingFailureAnalyzer().analyze(missing);

		assertThat(analysis.getDescription()).startsWith("JWT_SECRET is not set");
		assertThat(analysis.getAction()).contains("export JWT_SECRET=");
	}

	private void start(String... secrets) {
		String[] args = new String[secrets.length + 3];
		args[0] = "--DATA_DIR=" + dataDir;
		args[1] = "--server.port=0";
		args[2] = "--LOG_FORMAT=text";
		System.arraycopy(secrets, 0, args, 3, secrets.length);
		new SpringApplicationBuilder(SpatialIntelVideoApplication.class).run(args).close();
	}

}
