package com.spatialintel.video.web;

import com.spatialintel.video.library.ListingLimits;
import com.spatialintel.video.upload.UploadLimits;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The server's settings the web UI works with, so that it never repeats them as constants. */
@RestController
class ClientSettingsController {

	private final UploadLimits uploads;

	private final ListingLimits listings;

	ClientSettingsController(UploadLimits uploads, ListingLimits listings) {
		this.uploads = uploads;
		this.listings = listings;
	}

	/** For a signed-in user, as every other {@code /api} address. */
	@GetMapping("/api/client-settings")
	ClientSettings settings() {
		return new ClientSettings(uploads.maxUploadBytes(), uploads.signingBatch(), listings.pageSize());
	}

	/**
	 * @param maxUploadBytes the largest file accepted
	 * @param signingBatch how many part URLs the uploader asks for at a time
	 * @param pageSize how many videos a page of a listing holds
	 */
	record ClientSettings(long maxUploadBytes, int signingBatch, int pageSize) {
	}

}
