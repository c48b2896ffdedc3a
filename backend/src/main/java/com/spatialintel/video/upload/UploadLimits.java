package com.spatialintel.video.upload;

import java.time.Duration;

import org.springframework.stereotype.Component;

/** What a client must know of the upload settings to plan an upload before it asks for one. */
@Component
public class UploadLimits {

	private final UploadSettings settings;

	UploadLimits(UploadSettings settings) {
		this.settings = settings;
	}

	/** The largest file accepted ({@code MAX_UPLOAD_BYTES}). */
	public long maxUploadBytes() {
		return settings.maxUploadBytes();
	}

	/** The usual part size; a file that would need more than 10,000 parts gets bigger ones. */
	public long partSizeBytes() {
		return settings.partSizeBytes();
	}

	/** How many part URLs initiate signs; the rest are signed on request. */
	public int firstSignedParts() {
		return UploadSettings.FIRST_SIGNED_PARTS;
	}

	/** The most part numbers one signing request may name. */
	public int maxPartsPerSigning() {
		return UploadSettings.MAX_PARTS_PER_SIGNING;
	}

	/** How long an unfinished upload is kept before the watchdog fails it. */
	public Duration uploadLifetime() {
		return settings.stuckUploadThreshold();
	}

	/** How long a presigned part URL is valid. */
	public Duration partUrlLifetime() {
		return settings.partUrlTtl();
	}

}
