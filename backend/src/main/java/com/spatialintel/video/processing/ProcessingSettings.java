package com.spatialintel.video.processing;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The defaults of the settings with an environment variable are in {@code application.yml}, next to it.
 * @param jobTimeLimit the hard limit of one proxy job ({@code JOB_TIME_LIMIT}); ffmpeg is killed past it
 * @param x264Preset the x264 preset of the proxy, chosen by the benchmark (bench/README.md)
 * @param maxAttempts how often a job runs in all before a transient failure ends it
 * @param workDirectory where each job keeps its temporary folder ({@code JOB_WORK_DIR}; unset or empty:
 * {@code spatial-intel-jobs} in the system's temporary folder)
 */
@Validated
@ConfigurationProperties("app.processing")
record ProcessingSettings(@DurationMin(seconds = 1, message = "JOB_TIME_LIMIT must be at least 1s.") Duration jobTimeLimit,
		@NotBlank(message = "X264_PRESET must name an x264 preset.") String x264Preset,
		@DefaultValue("4") @Min(1) int maxAttempts, Path workDirectory) {

	ProcessingSettings {
		if (workDirectory == null || workDirectory.toString().isBlank()) {
			workDirectory = Path.of(System.getProperty("java.io.tmpdir"), "spatial-intel-jobs");
		}
	}

}
