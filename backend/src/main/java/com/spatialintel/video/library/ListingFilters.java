package com.spatialintel.video.library;

import java.time.Instant;
import java.util.UUID;

import com.spatialintel.video.errors.InvalidRequestException;
import com.spatialintel.video.errors.QueryValues;
import com.spatialintel.video.video.VideoQuery;
import com.spatialintel.video.video.VideoStatusFilter;

/**
 * A listing's query parameters as a {@link VideoQuery}, or a 400 with a sentence: {@code status} in
 * the listing's words, {@code from} (inclusive) before {@code to} (exclusive) as ISO-8601 instants,
 * {@code limit} 1 to {@value #MAX_LIMIT}, {@code offset} 0 or more. Blank filters are no filter.
 */
final class ListingFilters {

	static final int MAX_LIMIT = 200;

	/** The page a listing gives when it names no {@code limit}; the web UI pages by it too. */
	static final int PAGE_SIZE = 50;

	private ListingFilters() {
	}

	static VideoQuery query(UUID pinId, String status, String from, String to, int limit, long offset) {
		VideoStatusFilter statusFilter = status == null || status.isBlank() ? null
				: VideoStatusFilter.of(status)
					.orElseThrow(() -> new InvalidRequestException("status must be one of "
							+ String.join(", ", VideoStatusFilter.names()) + ", not \"" + QueryValues.printable(status) + "\"."));
		Instant fromInstant = QueryValues.instant("from", from);
		Instant toInstant = QueryValues.instant("to", to);
		if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
			throw new InvalidRequestException("from must be earlier than to.");
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new InvalidRequestException("limit must be between 1 and " + MAX_LIMIT + ", not " + limit + ".");
		}
		if (offset < 0) {
			throw new InvalidRequestException("offset must be 0 or more, not " + offset + ".");
		}
		return new VideoQuery(pinId, statusFilter, fromInstant, toInstant, limit, offset);
	}

}
