package com.spatialintel.video.library;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpRange;

/**
 * Which bytes of a file a request asks for (RFC 9110 §14): one range is answered 206, anything else
 * (no {@code Range}, an {@code If-Range} that no longer holds, several ranges, a malformed header)
 * gets the whole file; a range past the end is 416.
 */
final class ByteRanges {

	private ByteRanges() {
	}

	/** The inclusive bounds of a 206. */
	record Bounds(long first, long last) {
	}

	/**
	 * @param etag the file's strong ETag, quoted
	 * @return the bounds to send, or empty for the whole file
	 * @throws RangeNotSatisfiableException when the one range asked for starts past the end
	 */
	static Optional<Bounds> requested(String range, String ifRange, String etag, Instant lastModified, long size) {
		if (range == null || !ifRangeHolds(ifRange, etag, lastModified)) {
			return Optional.empty();
		}
		List<HttpRange> ranges = parse(range);
		if (ranges.size() != 1) {
			return Optional.empty();
		}
		return Optional.of(bounds(ranges.get(0), size, range));
	}

	/**
	 * A malformed {@code Range} header is ignored (RFC 9110 §14.2): the whole file is sent. The unit
	 * is case-insensitive (RFC 9110 §14.1), Spring's parser is not.
	 */
	private static List<HttpRange> parse(String header) {
		String units = "bytes=";
		String normalised = header.regionMatches(true, 0, units, 0, units.length())
				? units + header.substring(units.length()) : header;
		try {
			return HttpRange.parseRanges(normalised);
		}
		catch (IllegalArgumentException malformed) {
			return List.of();
		}
	}

	private static Bounds bounds(HttpRange range, long size, String header) {
		try {
			long first = range.getRangeStart(size);
			long last = Math.min(range.getRangeEnd(size), size - 1);
			if (first < size && first <= last) {
				return new Bounds(first, last);
			}
		}
		catch (IllegalArgumentException pastTheEnd) {
			// fall through to 416
		}
		throw new RangeNotSatisfiableException(header.substring(header.indexOf('=') + 1).strip(), size);
	}

	/** {@code If-Range} with the current strong ETag or the exact {@code Last-Modified} date; anything else sends the whole file. */
	private static boolean ifRangeHolds(String ifRange, String etag, Instant lastModified) {
		if (ifRange == null) {
			return true;
		}
		String value = ifRange.strip();
		if (value.startsWith("\"") || value.startsWith("W/")) {
			return value.equals(etag);
		}
		return Preconditions.httpDate(value).map(date -> date == lastModified.getEpochSecond()).orElse(false);
	}

}
