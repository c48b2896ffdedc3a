package com.spatialintel.video.timeline;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import com.spatialintel.video.errors.InvalidRequestException;
import com.spatialintel.video.errors.QueryValues;

/**
 * The instants a timeline covers, {@code [from, to)}: given as two ISO-8601 instants, or as
 * {@code date}, a local day of the mall's time zone (23, 24 or 25 hours long). At most
 * {@value #MAX_DAYS} days; anything else is a 400 with a sentence.
 */
record TimelineWindow(Instant from, Instant to) {

	static final int MAX_DAYS = 31;

	static final Duration LONGEST = Duration.ofDays(MAX_DAYS);

	static TimelineWindow of(String from, String to, String date, ZoneId zone) {
		boolean hasDate = date != null && !date.isBlank();
		boolean hasRange = from != null && !from.isBlank() || to != null && !to.isBlank();
		if (hasDate && hasRange) {
			throw new InvalidRequestException("Give either date or from and to, not both.");
		}
		if (hasDate) {
			return day(date, zone);
		}
		if (from == null || from.isBlank() || to == null || to.isBlank()) {
			throw new InvalidRequestException(
					"Give from and to (ISO-8601 instants such as 2026-11-01T08:00:00Z) or date (a day such as 2026-11-01).");
		}
		Instant start = QueryValues.instant("from", from);
		Instant end = QueryValues.instant("to", to);
		if (!start.isBefore(end)) {
			throw new InvalidRequestException("from must be earlier than to.");
		}
		if (Duration.between(start, end).compareTo(LONGEST) > 0) {
			throw new InvalidRequestException("A timeline covers at most " + MAX_DAYS + " days; from " + start + " to "
					+ end + " is longer. Ask for a shorter window.");
		}
		return new TimelineWindow(start, end);
	}

	/** The mall's local day: from its first instant to the next day's first (DST days are 23 or 25 hours). */
	static TimelineWindow day(String date, ZoneId zone) {
		LocalDate day;
		try {
			day = LocalDate.parse(date.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidRequestException("date must be a day such as 2026-11-01, not \"" + QueryValues.printable(date) + "\".");
		}
		if (day.getYear() < 1970 || day.getYear() >= 2200) {
			throw new InvalidRequestException("date must be a day between 1970 and 2199, not " + day + ".");
		}
		return new TimelineWindow(day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant());
	}

}
