package com.spatialintel.video.watchdog;

import java.time.Duration;

import com.spatialintel.video.testing.SettingsBinding;
import com.spatialintel.video.testing.UnitTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** The watchdog's thresholds as operators write them (hours and minutes, decimals allowed). */
@UnitTest
class WatchdogSettingsTests {

	private final ApplicationContextRunner runner = SettingsBinding.of(Bind.class);

	@Test
	void defaultsAndDecimals() {
		runner.run(context -> {
			WatchdogSettings settings = context.getBean(WatchdogSettings.class);
			assertThat(settings.stuckJobThreshold()).isEqualTo(Duration.ofHours(4));
			assertThat(settings.stuckJobSilence()).isEqualTo(Duration.ofMinutes(10));
			assertThat(settings.cron()).isEqualTo("0 0 3 * * *");
		});
		runner.withPropertyValues("STUCK_JOB_THRESHOLD_HOURS=1.5", "STUCK_JOB_SILENCE_MINUTES=0.5").run(context -> {
			WatchdogSettings settings = context.getBean(WatchdogSettings.class);
			assertThat(settings.stuckJobThreshold()).isEqualTo(Duration.ofMinutes(90));
			assertThat(settings.stuckJobSilence()).isEqualTo(Duration.ofSeconds(30));
		});
	}

	@Test
	void zeroIsRefusedWithASentence() {
		runner.withPropertyValues("STUCK_JOB_THRESHOLD_HOURS=0")
			.run(context -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("STUCK_JOB_THRESHOLD_HOURS must be more than 0."));
		runner.withPropertyValues("STUCK_JOB_SILENCE_MINUTES=-2")
			.run(context -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("STUCK_JOB_SILENCE_MINUTES must be more than 0."));
	}

	@EnableConfigurationProperties(WatchdogSettings.class)
	static class Bind {

	}

}
