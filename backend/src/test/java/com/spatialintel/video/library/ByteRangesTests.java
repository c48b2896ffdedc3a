package com.spatialintel.video.library;

import java.time.Instant;
import java.util.Optional;

import com.spatialintel.video.library.ByteRanges.Bounds;
import com.spatialintel.video.testing.UnitTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@UnitTest
class ByteRangesTests {

	private static final String ETAG = "\"9b2cf535f27731c974343645a3985328\"";

	private static final Instant MODIFIED = Instant.parse("2026-11-01T08:00:00Z");

	private static final long SIZE = 1000;

	private static Optional<Bounds> range(String range) {
		return ByteRanges.requested(range, null, ETAG, MODIFIED, SIZE);
	}

	@Test
	void oneRangeGivesItsBoundsClampedToTheFile() {
		assertThat(range("bytes=0-9")).contains(new Bounds(0, 9));
		assertThat(range("bytes=990-5000")).contains(new Bounds(990, 999));
		assertThat(range("bytes=500-")).contains(new Bounds(500, 999));
		assertThat(range("bytes=-100")).contains(new Bounds(900, 999));
		assertThat(range("bytes=-5000")).contains(new Bounds(0, 999));
		assertThat(range("bytes=999-999")).contains(new Bounds(999, 999));
	}

	@Test
	void theUnitIsCaseInsensitive() {
		assertThat(range("BYTES=0-1")).contains(new Bounds(0, 1));
		assertThat(range("Bytes=2-3")).contains(new Bounds(2, 3));
	}

	@Test
	void noRangeSeveralRangesOrAMalformedOneSendTheWholeFile() {
		assertThat(range(null)).isEmpty();
		assertThat(range("bytes=0-1,5-6")).isEmpty();
		assertThat(range("bytes=abc")).isEmpty();
		assertThat(range("items=0-1")).isEmpty();
		assertThat(range("bytes=9-1")).isEmpty();
		assertThat(range("")).isEmpty();
	}

	@Test
	void aRangeStartingPastTheEndIs416WithTheSize() {
		assertThatThrownBy(() -> range("bytes=1000-")).isInstanceOfSatisfying(RangeNotSatisfiableException.class,
				refused -> assertThat(refused.headers().getFirst("Content-Range")).isEqualTo("bytes */1000"));
		assertThatThrownBy(() -> ByteRanges.requested("bytes=0-0", null, ETAG, MODIFIED, 0))
			.isInstanceOf(RangeNotSatisfiableException.class);
	}

	@Test
	void ifRangeHoldsOnlyForTheStrongEtagOrTheExactDate() {
		assertThat(ByteRanges.requested("bytes=0-9", ETAG, ETAG, MODIFIED, SIZE)).contains(new Bounds(0, 9));
		assertThat(ByteRanges.requested("bytes=0-9", " " + ETAG + " ", ETAG, MODIFIED, SIZE)).contains(new Bounds(0, 9));
		assertThat(ByteRanges.requested("bytes=0-9", "\"other\"", ETAG, MODIFIED, SIZE)).isEmpty();
		assertThat(ByteRanges.requested("bytes=0-9", "W/" + ETAG, ETAG, MODIFIED, SIZE)).as("weak tags never match")
			.isEmpty();
		assertThat(ByteRanges.requested("bytes=0-9", "Sun, 01 Nov 2026 08:00:00 GMT", ETAG, MODIFIED, SIZE))
			.contains(new Bounds(0, 9));
		assertThat(ByteRanges.requested("bytes=0-9", "Sun, 01 Nov 2026 08:00:01 GMT", ETAG, MODIFIED, SIZE)).isEmpty();
		assertThat(ByteRanges.requested("bytes=0-9", "yesterday", ETAG, MODIFIED, SIZE)).isEmpty();
	}

}
