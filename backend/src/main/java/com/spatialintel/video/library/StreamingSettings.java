package com.spatialintel.video.library;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import com.spatialintel.video.runtime.Secrets;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The defaults are in {@code application.yml}; the secrets' strength is checked before binding
 * ({@code RuntimeEnvironmentPostProcessor}), with a sentence that never shows them.
 * @param signingSecret HMAC key of signed links ({@code SIGNING_SECRET}), at least 32 characters
 * @param signingSecretPrevious the key before the last rotation ({@code SIGNING_SECRET_PREVIOUS}):
 * links it signed stay valid until they expire; blank when there is none
 * @param urlTtl how long a signed link lasts ({@code STREAM_URL_TTL_SECONDS})
 * @param cacheMegabytes room on this node's disk for copies of the files being played
 * ({@code STREAM_CACHE_MB}; 0: none, every read goes to S3)
 * @param cacheDirectory where the copies are kept, in a folder of this process's own ({@code STREAM_CACHE_DIR};
 * unset or empty: the system's temporary folder)
 */
@Validated
@ConfigurationProperties("app.streaming")
record StreamingSettings(String signingSecret, String signingSecretPrevious,
		@DurationMin(seconds = 1, message = "STREAM_URL_TTL_SECONDS must be between 1 and 604800 (7 days).")
		@DurationMax(days = 7, message = "STREAM_URL_TTL_SECONDS must be between 1 and 604800 (7 days).") Duration urlTtl,
		@Min(value = 0, message = "STREAM_CACHE_MB must be between 0 (no copies) and 1048576 (1 TB).")
		@Max(value = 1_048_576, message = "STREAM_CACHE_MB must be between 0 (no copies) and 1048576 (1 TB).") long cacheMegabytes,
		Path cacheDirectory) {

	StreamingSettings {
		if (cacheDirectory == null || cacheDirectory.toString().isBlank()) {
			cacheDirectory = Path.of(System.getProperty("java.io.tmpdir"));
		}
	}

	/** Without the secrets: settings may end up in a log line. */
	@Override
	public String toString() {
		return "StreamingSettings[signingSecret=%s, signingSecretPrevious=%s, urlTtl=%s, cacheMegabytes=%d, cacheDirectory=%s]"
			.formatted(Secrets.mask(signingSecret), Secrets.mask(signingSecretPrevious), urlTtl, cacheMegabytes, cacheDirectory);
	}

	boolean hasPreviousSecret() {
		return signingSecretPrevious != null && !signingSecretPrevious.isBlank();
	}

}
