package com.spatialintel.video.upload;

import java.time.Duration;

import com.spatialintel.video.testing.SettingsBinding;
import com.spatialintel.video.testing.UnitTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** STUCK_UPLOAD_THRESHOLD_HOURS as operators write it, bound the way the app binds it. */
@UnitTest
class UploadSettingsTests {

	private final ApplicationContextRunner runner = SettingsBinding.of(Bind.class);

	@Test
	void theThresholdIsSixHoursByDefaultAndTakesDecimals() {
		runner.run(context -> assertThat(context.getBean(UploadSettings.class).stuckUploadThreshold())
			.isEqualTo(Duration.ofHours(6)));
		runner.withPropertyValues("STUCK_UPLOAD_THRESHOLD_HOURS=0.5")
			.run(context -> assertThat(context.getBean(UploadSettings.class).stuckUploadThreshold())
				.isEqualTo(Duration.ofMinutes(30)));
		runner.withPropertyValues("STUCK_UPLOAD_THRESHOLD_HOURS=0")
			.run(context -> assertThat(context.getBean(UploadSettings.class).stuckUploadThreshold()).isZero());
	}

	@Test
	void badValuesStopStartUpNamingTheVariable() {
		runner.withPropertyValues("STUCK_UPLOAD_THRESHOLD_HOURS=-1")
			.run(context -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("STUCK_UPLOAD_THRESHOLD_HOURS must be 0 or more."));
		runner.withPropertyValues("PART_SIZE_BYTES=1024")
			.run(context -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("PART_SIZE_BYTES must be at least 5242880"));
		runner.withPropertyValues("STUCK_UPLOAD_THRESHOLD_HOURS=six")
			.run(context -> assertThat(context).hasFailed());
	}

	@Test
	void theAbandonedUploadsReasonNamesTheThresholdInHours() {
		runner.withPropertyValues("STUCK_UPLOAD_THRESHOLD_HOURS=0.25").run(context -> {
			AbandonedUploads abandoned = new AbandonedUploads(null, null, null, context.getBean(UploadSettings.class), null, null);
			assertThat(abandoned.thresholdHours()).isEqualTo("0.25");
		});
	}

	@EnableConfigurationProperties(UploadSettings.class)
	static class Bind {

	}

}
