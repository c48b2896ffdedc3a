package com.spatialintel.video.library;

import java.time.Instant;
import java.util.UUID;

import com.spatialintel.video.errors.InvalidRequestException;
import com.spatialintel.video.testing.UnitTest;
import com.spatialintel.video.video.VideoQuery;
import com.spatialintel.video.video.VideoStatusFilter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@UnitTest
class ListingFiltersTests {

	private final UUID pin = UUID.randomUUID();

	@Test
	void filtersBecomeAQuery() {
		VideoQuery query = ListingFilters.query(pin, "failed", "2026-11-01T00:00:00Z", "2026-11-02T00:00:00+01:00", 50, 100);

		assertThat(query).isEqualTo(new VideoQuery(pin, VideoStatusFilter.FAILED, Instant.parse("2026-11-01T00:00:00Z"),
				Instant.parse("2026-11-01T23:00:00Z"), 50, 100));
	}

	@Test
	void blankFiltersAreNoFilter() {
		assertThat(ListingFilters.query(pin, "", " ", null, 1, 0)).isEqualTo(new VideoQuery(pin, null, null, null, 1, 0));
		assertThat(ListingFilters.query(pin, null, null, null, ListingFilters.MAX_LIMIT, 0).limit()).isEqualTo(200);
	}

	@Test
	void everyStatusOfTheListingIsKnown() {
		for (VideoStatusFilter status : VideoStatusFilter.values()) {
			assertThat(ListingFilters.query(pin, status.value(), null, null, 50, 0).status()).isEqualTo(status);
		}
	}

	@Test
	void badFiltersAreRefusedWithASentence() {
		assertRefused("done", null, null, 50, 0,
				"status must be one of uploading, uploaded, pending, queued, running, completed, failed, not \"done\".");
		assertRefused("FAILED", null, null, 50, 0,
				"status must be one of uploading, uploaded, pending, queued, running, completed, failed, not \"FAILED\".");
		assertRefused("x\u0000\u202e", null, null, 50, 0,
				"status must be one of uploading, uploaded, pending, queued, running, completed, failed, not \"x??\".");
		assertRefused(null, "2026-11-02T00:00:00Z", "2026-11-01T00:00:00Z", 50, 0, "from must be earlier than to.");
		assertRefused(null, "2026-11-01T00:00:00Z", "2026-11-01T00:00:00Z", 50, 0, "from must be earlier than to.");
		assertRefused(null, null, null, 0, 0, "limit must be between 1 and 200, not 0.");
		assertRefused(null, null, null, 201, 0, "limit must be between 1 and 200, not 201.");
		assertRefused(null, null, null, 50, -1, "offset must be 0 or more, not -1.");
		for (String instant : new String[] { "yesterday", "1e300", "1.5", "+1000000000-01-01T00:00:00Z", "2026-13-01T00:00:00Z" }) {
			assertThatThrownBy(() -> ListingFilters.query(pin, null, instant, null, 50, 0)).as(instant)
				.isInstanceOf(InvalidRequestException.class)
				.hasMessageStartingWith("from must be ");
		}
		assertThatThrownBy(() -> ListingFilters.query(pin, null, null, "a".repeat(100), 50, 0))
			.hasMessageEndingWith("not \"" + "a".repeat(40) + "…\".");
	}

	private void assertRefused(String status, String from, String to, int limit, long offset, String sentence) {
		assertThatThrownBy(() -> ListingFilters.query(pin, status, from, to, limit, offset))
			.isInstanceOf(InvalidRequestException.class)
			.hasMessage(sentence);
	}

}
