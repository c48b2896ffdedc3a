package com.spatialintel.video.library;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.spatialintel.video.system.Secrets;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param signingSecret HMAC key of signed links ({@code SIGNING_SECRET}), at least 32 characters
 * @param signingSecretPrevious the key before the last rotation ({@code SIGNING_SECRET_PREVIOUS}):
 * links it signed stay valid until they expire; blank when there is none
 * @param urlTtl how long a signed link lasts ({@code STREAM_URL_TTL_SECONDS})
 */
@ConfigurationProperties("app.streaming")
record StreamingSettings(String signingSecret, String signingSecretPrevious, @DefaultValue("3600s") Duration urlTtl) {

	/** Without the secrets: settings may end up in a log line. */
	@Override
	public String toString() {
		return "StreamingSettings[signingSecret=%s, signingSecretPrevious=%s, urlTtl=%s]"
			.formatted(Secrets.mask(signingSecret), Secrets.mask(signingSecretPrevious), urlTtl);
	}

	static final int MIN_SECRET_BYTES = 32;

	StreamingSettings {
		requireStrong("SIGNING_SECRET", signingSecret);
		if (signingSecretPrevious != null && !signingSecretPrevious.isBlank()) {
			requireStrong("SIGNING_SECRET_PREVIOUS", signingSecretPrevious);
		}
		if (urlTtl.isNegative() || urlTtl.isZero() || urlTtl.compareTo(Duration.ofDays(7)) > 0) {
			throw new IllegalArgumentException(
					"STREAM_URL_TTL_SECONDS must be between 1 and 604800 (7 days), not " + urlTtl.toSeconds() + ".");
		}
	}

	private static void requireStrong(String variable, String secret) {
		if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
			throw new IllegalArgumentException(variable + " must be at least " + MIN_SECRET_BYTES + " characters long.");
		}
	}

	boolean hasPreviousSecret() {
		return signingSecretPrevious != null && !signingSecretPrevious.isBlank();
	}

}
