package com.spatialintel.video.web;

import com.spatialintel.video.library.PlaybackLimits;
import com.spatialintel.video.upload.UploadLimits;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The server's settings the web UI works with, so that it never repeats them as constants. */
@RestController
class ClientSettingsController {

	private final UploadLimits uploads;

	private final PlaybackLimits playback;

	ClientSettingsController(UploadLimits uploads, PlaybackLimits playback) {
		this.uploads = uploads;
		this.playback = playback;
	}

	@SecurityRequirements
	@GetMapping("/api/client-settings")
	ClientSettings settings() {
		return new ClientSettings(uploads.maxUploadBytes(), uploads.partSizeBytes(), uploads.firstSignedParts(),
				uploads.maxPartsPerSigning(), uploads.uploadLifetime().toSeconds(),
				uploads.partUrlLifetime().toSeconds(), playback.linkLifetime().toSeconds());
	}

	record ClientSettings(long maxUploadBytes, long partSizeBytes, int firstSignedParts, int maxPartsPerSigning,
			long uploadLifetimeSeconds, long partUrlLifetimeSeconds, long streamUrlTtlSeconds) {
	}

}
