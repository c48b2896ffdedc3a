package com.spatialintel.video.library;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Settings may be logged: their text never carries a signing secret. */
class StreamingSettingsTests {

	@Test
	void theSigningSecretsAreMaskedInTheText() {
		StreamingSettings settings = new StreamingSettings("signing-secret-0123456789-0123456789",
				"previous-secret-0123456789-0123456789", Duration.ofMinutes(30));

		assertThat(settings.toString()).doesNotContain("signing-secret-0123", "previous-secret-0123")
			.contains("signingSecret=(set, 36 characters)", "urlTtl=PT30M");
	}

}
