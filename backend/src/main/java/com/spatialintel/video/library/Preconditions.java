package com.spatialintel.video.library;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The conditional headers of a GET or HEAD, evaluated in the order of RFC 9110 §13.2.2:
 * {@code If-Match} (strong comparison, {@code *} for any), else {@code If-Unmodified-Since}; then
 * {@code If-None-Match} (weak comparison, {@code *} for any), else {@code If-Modified-Since}.
 * Spring's {@code checkNotModified} ignores {@code If-Match} on GET and does not take
 * {@code If-None-Match: *}; a player and a proxy cache rely on both. Dates compare to the second,
 * as HTTP dates carry no more; a date that does not parse is ignored, as the RFC says.
 */
final class Preconditions {

	enum Outcome {
		/** Send the representation (or its range). */
		PROCEED,
		/** 304: the client's copy is current. */
		NOT_MODIFIED,
		/** 412: the client asked for a version this is not. */
		FAILED
	}

	private Preconditions() {
	}

	/**
	 * @param etag the current strong entity tag, quoted
	 * @param lastModified when the representation last changed
	 */
	static Outcome evaluate(String ifMatch, String ifUnmodifiedSince, String ifNoneMatch, String ifModifiedSince,
			String etag, Instant lastModified) {
		long modified = lastModified.getEpochSecond();
		if (ifMatch != null) {
			if (!anyMatches(ifMatch, etag, true)) {
				return Outcome.FAILED;
			}
		}
		else if (ifUnmodifiedSince != null) {
			Optional<Long> since = httpDate(ifUnmodifiedSince);
			if (since.isPresent() && modified > since.get()) {
				return Outcome.FAILED;
			}
		}
		if (ifNoneMatch != null) {
			return anyMatches(ifNoneMatch, etag, false) ? Outcome.NOT_MODIFIED : Outcome.PROCEED;
		}
		if (ifModifiedSince != null) {
			Optional<Long> since = httpDate(ifModifiedSince);
			if (since.isPresent() && modified <= since.get()) {
				return Outcome.NOT_MODIFIED;
			}
		}
		return Outcome.PROCEED;
	}

	/** {@code *}, or a list of entity tags one of which matches; a malformed list matches nothing. */
	static boolean anyMatches(String header, String etag, boolean strong) {
		String value = header.strip();
		if (value.equals("*")) {
			return true;
		}
		for (String tag : entityTags(value)) {
			boolean weak = tag.startsWith("W/");
			if (strong && weak) {
				continue;
			}
			String opaque = weak ? tag.substring(2) : tag;
			String current = etag.startsWith("W/") ? etag.substring(2) : etag;
			if (opaque.equals(current) && (!strong || !etag.startsWith("W/"))) {
				return true;
			}
		}
		return false;
	}

	/** {@code "a", W/"b"} → the tags as written; an unquoted or unterminated tag ends the list. */
	static List<String> entityTags(String list) {
		List<String> tags = new ArrayList<>();
		int i = 0;
		while (i < list.length()) {
			char c = list.charAt(i);
			if (c == ',' || c == ' ' || c == '\t') {
				i++;
				continue;
			}
			int start = i;
			if (list.startsWith("W/", i)) {
				i += 2;
			}
			if (i >= list.length() || list.charAt(i) != '"') {
				break;
			}
			int end = list.indexOf('"', i + 1);
			if (end < 0) {
				break;
			}
			tags.add(list.substring(start, end + 1));
			i = end + 1;
		}
		return tags;
	}

	static Optional<Long> httpDate(String value) {
		try {
			return Optional.of(ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toEpochSecond());
		}
		catch (DateTimeParseException notADate) {
			return Optional.empty();
		}
	}

}
