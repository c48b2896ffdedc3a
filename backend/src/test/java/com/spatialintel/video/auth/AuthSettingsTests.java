package com.spatialintel.video.auth;

import java.time.Duration;

import com.spatialintel.video.testing.UnitTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Settings may be logged (a failed start, a debugging session): their text never carries a secret. */
@UnitTest
class AuthSettingsTests {

	@Test
	void theSecretsAreMaskedInTheText() {
		AuthSettings settings = new AuthSettings("jwt-secret-0123456789-0123456789-abc", Duration.ofHours(12),
				"admin@example.com", "the-admins-password", 10, Duration.ofMinutes(15), 30, "login-failures:");

		assertThat(settings.toString()).doesNotContain("jwt-secret-0123456789", "the-admins-password")
			.contains("jwtSecret=(set, 36 characters)", "adminEmail=admin@example.com", "maxFailedLoginsPerClient=30");
		assertThat(new AuthSettings(null, Duration.ofHours(1), "a@b", null, 1, Duration.ofMinutes(1), 1, "p:").toString())
			.contains("adminPassword=(not set)");
	}

}
