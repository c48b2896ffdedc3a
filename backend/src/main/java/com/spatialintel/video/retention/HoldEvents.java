package com.spatialintel.video.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the retention module publishes. */
public final class HoldEvents {

	private HoldEvents() {
	}

	/** A legal hold was placed ({@code videoId}, or {@code pinId} over a window), inside its transaction. */
	public record HoldPlaced(UUID holdId, UUID mallId, UUID videoId, UUID pinId, Instant windowFrom, Instant windowTo,
			String reason, LocalDate reviewOn, Instant at) {
	}

	/** A legal hold was lifted, inside its transaction. */
	public record HoldLifted(UUID holdId, UUID mallId, UUID videoId, UUID pinId, String reason, Instant at) {
	}

	/** The daily run found active holds past their review date: one alert lists them. */
	public record HoldsOverdue(List<Overdue> holds, Instant at) {

		public record Overdue(UUID holdId, UUID mallId, String reason, LocalDate reviewOn, String placedBy) {
		}

	}

	/** The daily run of one mall: what it deleted and what holds kept. */
	public record RetentionRan(UUID mallId, int retentionDays, int deleted, int held, Instant at) {
	}

}
