package com.spatialintel.video.library;

import java.time.Duration;

import com.spatialintel.video.testing.SettingsBinding;
import com.spatialintel.video.testing.UnitTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

@UnitTest
class StreamingSettingsTests {

	private final ApplicationContextRunner runner = SettingsBinding.of(Bind.class)
		.withPropertyValues("SIGNING_SECRET=signing-secret-0123456789-0123456789");

	@Test
	void theLinkLifetimeIsInSecondsFromOneToSevenDays() {
		runner.run(context -> assertThat(context.getBean(StreamingSettings.class).urlTtl()).isEqualTo(Duration.ofHours(1)));
		runner.withPropertyValues("STREAM_URL_TTL_SECONDS=20")
			.run(context -> assertThat(context.getBean(StreamingSettings.class).urlTtl()).isEqualTo(Duration.ofSeconds(20)));
		for (String refused : new String[] { "0", "604801" }) {
			runner.withPropertyValues("STREAM_URL_TTL_SECONDS=" + refused)
				.run(context -> assertThat(context).hasFailed()
					.getFailure()
					.rootCause()
					.hasMessageContaining("STREAM_URL_TTL_SECONDS must be between 1 and 604800 (7 days)."));
		}
	}

	@Test
	void theRoomForLocalCopiesIsInMegabytesFromNoneToATerabyte() {
		runner.run(context -> assertThat(context.getBean(StreamingSettings.class).cacheMegabytes()).isEqualTo(2048));
		runner.withPropertyValues("STREAM_CACHE_MB=0")
			.run(context -> assertThat(context.getBean(StreamingSettings.class).cacheMegabytes()).isZero());
		for (String refused : new String[] { "-1", "1048577" }) {
			runner.withPropertyValues("STREAM_CACHE_MB=" + refused)
				.run(context -> assertThat(context).hasFailed()
					.getFailure()
					.rootCause()
					.hasMessageContaining("STREAM_CACHE_MB must be between 0 (no copies) and 1048576 (1 TB)."));
		}
	}

	/** Settings may be logged: their text never carries a signing secret. */
	@Test
	void theSigningSecretsAreMaskedInTheText() {
		StreamingSettings settings = new StreamingSettings("signing-secret-0123456789-0123456789",
				"previous-secret-0123456789-0123456789", Duration.ofMinutes(30), 0, null);

		assertThat(settings.toString()).doesNotContain("signing-secret-0123", "previous-secret-0123")
			.contains("signingSecret=(set, 36 characters)", "urlTtl=PT30M");
	}

	@EnableConfigurationProperties(StreamingSettings.class)
	static class Bind {

	}

}
