package com.spatialintel.video.upload;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The defaults of the settings with an environment variable are in {@code application.yml}, next to it.
 * @param maxUploadBytes the largest file accepted ({@code MAX_UPLOAD_BYTES})
 * @param partSizeBytes the usual part size ({@code PART_SIZE_BYTES}); raised for files that would
 * need more than 10,000 parts; S3 needs at least 5 MiB
 * @param stuckUploadThreshold how long an upload may stay unfinished
 * ({@code STUCK_UPLOAD_THRESHOLD_HOURS}) before the watchdog fails it; the upload's {@code expires_at}
 * @param partUrlTtl how long a presigned part URL is valid
 */
@Validated
@ConfigurationProperties("app.upload")
record UploadSettings(@Min(value = 1, message = "MAX_UPLOAD_BYTES must be at least 1.") long maxUploadBytes,
		@Min(value = 5 * 1024 * 1024,
				message = "PART_SIZE_BYTES must be at least 5242880 (5 MiB), the smallest part S3 takes.") long partSizeBytes,
		@DurationMin(nanos = 0, message = "STUCK_UPLOAD_THRESHOLD_HOURS must be 0 or more.") Duration stuckUploadThreshold,
		@DefaultValue("1h") @DurationMin(seconds = 1) Duration partUrlTtl) {

	static final int MAX_PARTS = 10_000;

	static final int FIRST_SIGNED_PARTS = 100;

	static final int MAX_PARTS_PER_SIGNING = 1_000;

}
