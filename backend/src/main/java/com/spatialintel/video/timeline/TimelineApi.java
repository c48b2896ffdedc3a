package com.spatialintel.video.timeline;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.spatialintel.video.video.ProcessingStatus;
import com.spatialintel.video.video.RecordingTimeSource;

/** What the timeline endpoints answer. Instants are ISO-8601 UTC; the UI shows them in {@code time_zone}. */
final class TimelineApi {

	private TimelineApi() {
	}

	/**
	 * {@code GET /api/malls/{mall_id}/pins/{pin_id}/timeline}: the pin's clips overlapping
	 * {@code [from, to)}, ordered by start, and the gaps between them (up to now).
	 * {@code untimed_count}: the pin's videos with no recording time or duration, which no timeline
	 * can place. {@code truncated}: more clips than {@value TimelineController#MAX_CLIPS} overlap;
	 * ask for a shorter window.
	 */
	record PinTimeline(Instant from, Instant to, String timeZone, UUID pinId, String name, List<Clip> clips,
			List<Gap> gaps, long untimedCount, boolean truncated) {
	}

	/** {@code GET /api/malls/{mall_id}/timeline}: one lane per pin of the mall, ordered by pin name. */
	record MallTimeline(Instant from, Instant to, String timeZone, UUID mallId, String mallName, List<Lane> pins) {
	}

	/** A pin's lane of the mall timeline. */
	record Lane(UUID pinId, String name, List<Clip> clips, List<Gap> gaps, long untimedCount, boolean truncated) {
	}

	/** A clip's span: {@code [start, end)}, {@code end} being the recording time plus the duration. */
	record Clip(UUID videoId, String filename, Instant start, Instant end, double durationSeconds,
			RecordingTimeSource recordedAtSource, ProcessingStatus processingStatus, boolean hasProxy,
			String posterUrl) {
	}

	/** A span with no footage (one second or more). */
	record Gap(Instant start, Instant end) {
	}

}
