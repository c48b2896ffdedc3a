package com.spatialintel.video.database;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The only instants the API takes: ISO-8601 text with a zone ({@code 2026-11-01T08:00:00Z} or
 * {@code …+01:00}) from 1970 up to 2200. A number is not an instant (Jackson took {@code 1e300} or
 * {@code 1.5} as epoch seconds), and a year a billion years away is not a recording time (it was a
 * 500 in the database).
 */
public final class Instants {

	public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

	public static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

	public static final String EXAMPLE = "an ISO-8601 instant between 1970 and 2200 such as 2026-11-01T08:00:00Z";

	private Instants() {
	}

	/** @return the instant, or empty when the text is not an ISO-8601 instant in range */
	public static Optional<Instant> parse(String text) {
		if (text == null || text.length() > 40) {
			return Optional.empty();
		}
		Instant instant;
		try {
			instant = OffsetDateTime.parse(text.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
		return instant.isBefore(EARLIEST) || !instant.isBefore(LATEST) ? Optional.empty() : Optional.of(instant);
	}

}
