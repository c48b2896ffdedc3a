package com.spatialintel.video.watchdog;

import java.time.Duration;

import com.spatialintel.video.testing.UnitTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Settings may be logged: their text carries neither the Sentry DSN's key nor the Slack webhook's token. */
@UnitTest
class AlertSettingsTests {

	@Test
	void theDsnAndTheWebhookAreMaskedInTheText() {
		AlertSettings settings = new AlertSettings("https://0123456789abcdef@o1.ingest.sentry.io/7",
				"https://hooks.slack.com/services/T000/B000/XXXXSECRET", "production", Duration.ofSeconds(5));

		assertThat(settings.toString()).doesNotContain("0123456789abcdef", "XXXXSECRET")
			.contains("environment=production", "sentryDsn=(set, ");
	}

}
