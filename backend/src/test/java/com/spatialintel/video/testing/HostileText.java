package com.spatialintel.video.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Text an attacker or a broken client sends, made from a fixed seed so that a failing case is the
 * same on every run: fragments that parsers meet at their edges (percent signs, quotes, commas,
 * signs, huge digit runs, control, bidi and surrogate characters) glued together at random, with
 * the values the test gives mixed in and mutated.
 */
public final class HostileText {

	private static final String[] FRAGMENTS = { "%", "%2", "%25", "%zz", "%00", "%C3%A9", "%E2%80%AE", "%ff%fe", "=", "&",
			"&&", "==", "+", "-", "--", ",", ", ", ";", "\"", "W/\"", "*", " ", "\t", "\u0000", "\r\n", "\u202e", "\u2028",
			"\ud800", "\udfff", "é", "ı", "İ", "0", "9", "99999999999999999999999", "-1", "1e300", "1.5", "NaN", "Z",
			"T", ":", "+14:00", "-18:00", "1969-12-31T23:59:59Z", "2200-01-01T00:00:00Z", "2026-11-01T08:00:00Z",
			"+1000000000-01-01T00:00:00Z", "Thu, 01 Jan 1970 00:00:00 GMT", "Sun, 06 Nov 1994 08:49:37 GMT", "bytes=",
			"BYTES=0-1", "=0-", "-0", "a", "status", "from", "to", "limit", "offset", "expires", "signature" };

	private final Random random;

	private final List<String> seeds;

	public HostileText(long seed, String... seeds) {
		this.random = new Random(seed);
		this.seeds = List.of(seeds);
	}

	/** The next hostile text, up to about {@code maxFragments} pieces long. */
	public String next(int maxFragments) {
		StringBuilder text = new StringBuilder();
		int pieces = random.nextInt(maxFragments + 1);
		for (int i = 0; i < pieces; i++) {
			int pick = random.nextInt(10);
			if (pick < 6) {
				text.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
			}
			else if (pick < 8 && !seeds.isEmpty()) {
				text.append(mutate(seeds.get(random.nextInt(seeds.size()))));
			}
			else {
				text.appendCodePoint(random.nextInt(0x110000) & (random.nextBoolean() ? 0x7f : 0xffff));
			}
		}
		return text.toString();
	}

	/** {@code count} hostile texts, the seeds themselves first. */
	public List<String> take(int count, int maxFragments) {
		List<String> texts = new ArrayList<>(seeds);
		texts.add("");
		while (texts.size() < count) {
			texts.add(next(maxFragments));
		}
		return texts;
	}

	private String mutate(String seed) {
		if (seed.isEmpty()) {
			return seed;
		}
		StringBuilder mutated = new StringBuilder(seed);
		int edits = 1 + random.nextInt(3);
		for (int i = 0; i < edits && !mutated.isEmpty(); i++) {
			int at = random.nextInt(mutated.length());
			switch (random.nextInt(3)) {
				case 0 -> mutated.deleteCharAt(at);
				case 1 -> mutated.insert(at, FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
				default -> mutated.setCharAt(at, (char) random.nextInt(0x250));
			}
		}
		return mutated.toString();
	}

}
