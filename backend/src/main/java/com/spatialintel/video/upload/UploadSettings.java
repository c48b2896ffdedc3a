package com.spatialintel.video.upload;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxUploadBytes the largest file accepted ({@code MAX_UPLOAD_BYTES})
 * @param partSizeBytes the usual part size ({@code PART_SIZE_BYTES}); raised for files that would
 * need more than 10,000 parts; S3 needs at least 5 MiB
 * @param stuckUploadThresholdHours how long an upload may stay unfinished
 * ({@code STUCK_UPLOAD_THRESHOLD_HOURS}); also the lifetime of its session
 * @param partUrlTtl how long a presigned part URL is valid
 */
@Validated
@ConfigurationProperties("app.upload")
record UploadSettings(@DefaultValue("2147483648") @Min(1) long maxUploadBytes,
		@DefaultValue("10485760") @Min(5 * 1024 * 1024) long partSizeBytes,
		@DefaultValue("6") @DecimalMin("0") double stuckUploadThresholdHours, @DefaultValue("1h") Duration partUrlTtl) {

	static final int MAX_PARTS = 10_000;

	static final int FIRST_SIGNED_PARTS = 100;

	static final int MAX_PARTS_PER_SIGNING = 1_000;

	Duration sessionTtl() {
		return Duration.ofSeconds(Math.round(stuckUploadThresholdHours * 3600));
	}

}
