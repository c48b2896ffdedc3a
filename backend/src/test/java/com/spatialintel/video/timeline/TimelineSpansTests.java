package com.spatialintel.video.timeline;

import java.time.Instant;
import java.util.List;

import com.spatialintel.video.timeline.TimelineApi.Gap;
import com.spatialintel.video.testing.UnitTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@UnitTest
class TimelineSpansTests {

	private static final Instant FROM = Instant.parse("2026-11-02T10:00:00Z");

	private static final Instant UNTIL = Instant.parse("2026-11-02T11:00:00Z");

	@Test
	void gapsAreTheUncoveredPartsOfTheWindow() {
		List<Gap> gaps = TimelineSpans.gaps(List.of(span("10:05:00", "10:10:00"), span("10:20:00", "10:30:00")), FROM, UNTIL);

		assertThat(gaps).containsExactly(gap("10:00:00", "10:05:00"), gap("10:10:00", "10:20:00"), gap("10:30:00", "11:00:00"));
	}

	@Test
	void aClipInsideALongerOneLeavesNoGapAndNeitherDoesRounding() {
		List<Gap> gaps = TimelineSpans.gaps(List.of(span("09:59:00", "10:40:00"), span("10:10:00", "10:20:00"),
				span("10:40:00.600", "11:00:00")), FROM, UNTIL);

		assertThat(gaps).isEmpty();
	}

	@Test
	void anEmptyOrInvertedWindowHasNoGap() {
		assertThat(TimelineSpans.gaps(List.of(), UNTIL, FROM)).isEmpty();
		assertThat(TimelineSpans.gaps(List.of(), FROM, UNTIL)).containsExactly(gap("10:00:00", "11:00:00"));
	}

	private static Instant[] span(String start, String end) {
		return new Instant[] { at(start), at(end) };
	}

	private static Gap gap(String start, String end) {
		return new Gap(at(start), at(end));
	}

	private static Instant at(String time) {
		return Instant.parse("2026-11-02T" + time + "Z");
	}

}
