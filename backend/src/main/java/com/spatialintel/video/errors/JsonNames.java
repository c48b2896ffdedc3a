package com.spatialintel.video.errors;

import java.util.Locale;
import java.util.regex.Pattern;

/** Java property names as clients see them in JSON (snake_case), for error sentences. */
public final class JsonNames {

	private static final Pattern CAMEL_HUMP = Pattern.compile("([a-z0-9])([A-Z])");

	private JsonNames() {
	}

	public static String of(String javaName) {
		return javaName == null ? "value" : CAMEL_HUMP.matcher(javaName).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
	}

}
