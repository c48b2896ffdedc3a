package com.spatialintel.video.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.spatialintel.video.timeline.TimelineApi.Gap;

/**
 * The gaps of a lane: the parts of {@code [from, until)} that no clip covers. Clips may overlap;
 * a break shorter than {@link #TOLERANCE} (cameras round their clips' lengths) is not a gap.
 */
final class TimelineSpans {

	static final Duration TOLERANCE = Duration.ofSeconds(1);

	private TimelineSpans() {
	}

	/** @param spans the clips' {@code [start, end)}, ordered by start */
	static List<Gap> gaps(List<Instant[]> spans, Instant from, Instant until) {
		List<Gap> gaps = new ArrayList<>();
		if (!from.isBefore(until)) {
			return gaps;
		}
		Instant covered = from;
		for (Instant[] span : spans) {
			if (!span[0].isBefore(until)) {
				break;
			}
			addGap(gaps, covered, span[0]);
			if (span[1].isAfter(covered)) {
				covered = span[1];
			}
		}
		addGap(gaps, covered, until);
		return gaps;
	}

	private static void addGap(List<Gap> gaps, Instant start, Instant end) {
		if (Duration.between(start, end).compareTo(TOLERANCE) >= 0) {
			gaps.add(new Gap(start, end));
		}
	}

}
