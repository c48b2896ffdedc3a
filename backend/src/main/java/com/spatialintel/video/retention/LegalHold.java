package com.spatialintel.video.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A legal hold: on one video ({@code videoId}), or on a pin's footage that overlaps
 * {@code [windowFrom, windowTo)}. Lifted holds are kept, for the record.
 */
record LegalHold(UUID id, UUID mallId, UUID videoId, UUID pinId, Instant windowFrom, Instant windowTo, String reason,
		LocalDate reviewOn, UUID placedByUserId, String placedByEmail, Instant placedAt, String liftedByEmail,
		Instant liftedAt) {

	boolean active() {
		return liftedAt == null;
	}

	/** Whether the hold covers footage of the pin recorded over {@code [start, end)} (or the video). */
	boolean covers(UUID video, UUID pin, Instant start, Instant end) {
		if (!active()) {
			return false;
		}
		if (videoId != null) {
			return videoId.equals(video);
		}
		return pinId.equals(pin) && start.isBefore(windowTo) && end.isAfter(windowFrom);
	}

	/** "held (…reason…, placed by …, review on …)". */
	String describe() {
		return "legal hold %s (“%s”, placed by %s, review on %s)".formatted(id, reason, placedByEmail, reviewOn);
	}

}
