package com.spatialintel.video.evidence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What evidence exports publish: every export, its end, every download and every deletion is audited. */
public final class ExportEvents {

	private ExportEvents() {
	}

	/**
	 * An export was asked for, by the caller of the request, for this recipient.
	 * @param videoIds its sources
	 */
	public record ExportRequested(UUID exportId, UUID mallId, List<UUID> pinIds, List<UUID> videoIds, String mode,
			Instant windowFrom, Instant windowTo, String recipientName, String recipientOrganisation, String purpose,
			String reference, Instant at) {
	}

	/** Its job made the package ({@code completed}), or ended with {@code error}. */
	public record ExportFinished(UUID exportId, UUID mallId, boolean completed, String error, Instant at) {
	}

	/** Its package was downloaded through a signed link (the request's client address is recorded with it). */
	public record ExportDownloaded(UUID exportId, UUID mallId, long bytes, Instant at) {
	}

	/**
	 * It was deleted, with its package, by an admin ({@code byRetention} false) or by the sweep of
	 * exports past their sources' retention; its sources are no longer kept for it.
	 */
	public record ExportDeleted(UUID exportId, UUID mallId, boolean byRetention, Instant at) {
	}

}
