package com.spatialintel.video.errors;

import java.time.Instant;

import com.spatialintel.video.database.Instants;

/** Query parameters read the one way: refused with a 400 sentence that quotes what was sent, safely. */
public final class QueryValues {

	private QueryValues() {
	}

	/** The ISO-8601 instant in {@code value}; null when it is blank (no filter). */
	public static Instant instant(String name, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return Instants.parse(value).orElseThrow(() -> new InvalidRequestException(
				name + " must be " + Instants.EXAMPLE + ", not \"" + printable(value) + "\"."));
	}

	/** Refused text as a sentence may quote it: no control or format characters, not endless. */
	public static String printable(String value) {
		String plain = value.replaceAll("\\p{Cc}|\\p{Cf}", "?");
		return plain.length() > 40 ? plain.substring(0, 40) + "…" : plain;
	}

}
