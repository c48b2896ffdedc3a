package com.spatialintel.video.evidence;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON in one canonical form, so that the bytes signed are the bytes anyone rebuilds from the same
 * content: object keys sorted, no whitespace, numbers in plain decimal without trailing zeros,
 * strings with only the escapes JSON requires ({@code \"}, {@code \\}, control characters), UTF-8.
 * Values are maps, lists, strings, numbers, booleans and null.
 */
final class CanonicalJson {

	private CanonicalJson() {
	}

	static byte[] bytes(Object value) {
		StringBuilder out = new StringBuilder();
		write(value, out);
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static void write(Object value, StringBuilder out) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof String text) {
			string(text, out);
		}
		else if (value instanceof Boolean flag) {
			out.append(flag);
		}
		else if (value instanceof Integer || value instanceof Long) {
			out.append(value);
		}
		else if (value instanceof BigDecimal number) {
			out.append(number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString());
		}
		else if (value instanceof Map<?, ?> map) {
			out.append('{');
			boolean first = true;
			for (Map.Entry<?, ?> entry : new TreeMap<>(map).entrySet()) {
				if (!first) {
					out.append(',');
				}
				first = false;
				string((String) entry.getKey(), out);
				out.append(':');
				write(entry.getValue(), out);
			}
			out.append('}');
		}
		else if (value instanceof List<?> list) {
			out.append('[');
			for (int i = 0; i < list.size(); i++) {
				if (i > 0) {
					out.append(',');
				}
				write(list.get(i), out);
			}
			out.append(']');
		}
		else {
			throw new IllegalArgumentException("No canonical JSON for " + value.getClass().getSimpleName());
		}
	}

	private static void string(String text, StringBuilder out) {
		out.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				case '\b' -> out.append("\\b");
				case '\f' -> out.append("\\f");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

}
