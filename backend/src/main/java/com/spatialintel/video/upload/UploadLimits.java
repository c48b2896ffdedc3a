package com.spatialintel.video.upload;

import java.time.Duration;

import org.springframework.stereotype.Component;

/** What a client must know of the upload settings to plan an upload and sign its parts. */
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

	/** How many part URLs initiate signs, and a client asks for at a time afterwards. */
	public int signingBatch() {
		return UploadSettings.FIRST_SIGNED_PARTS;
	}

}
