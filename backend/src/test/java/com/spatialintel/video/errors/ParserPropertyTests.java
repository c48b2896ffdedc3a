package com.spatialintel.video.errors;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import com.spatialintel.video.database.Instants;
import com.spatialintel.video.testing.HostileText;
import com.spatialintel.video.testing.UnitTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Properties of the request parsers over thousands of hostile inputs from a fixed seed: they never
 * throw (a throw would be a 500), and what they accept is what they promise.
 */
@UnitTest
class ParserPropertyTests {

	private static final int CASES = 5_000;

	@Test
	void aQueryStringIsEitherSoundOrRefusedWithASentenceAndNeverThrows() {
		int[] sound = { 0 };
		int[] refused = { 0 };
		for (String query : new HostileText(20261202L, "status=failed&from=2026-11-01T08:00:00Z", "limit=50&offset=0",
				"expires=1764633600&signature=abc_-", "a=%41&b=%zz").take(CASES, 12)) {
			assertThatCode(() -> {
				Optional<String> problem = StrictRequestFilter.problemOf(query);
				(problem.isPresent() ? refused : sound)[0]++;
				problem.ifPresent(sentence -> assertThat(sentence).as(query).isNotBlank().endsWith("."));
				if (problem.isEmpty() && query.contains("=")) {
					for (String pair : query.split("&")) {
						assertThat(StrictRequestFilter.decode(pair.substring(pair.indexOf('=') + 1)))
							.as("a sound query decodes: %s", query).isPresent();
					}
				}
			}).as("query %s", printable(query)).doesNotThrowAnyException();
		}
		assertThat(sound[0]).as("the sound seeds and some mutants are accepted").isGreaterThanOrEqualTo(3);
		assertThat(refused[0]).as("broken mutants are refused").isGreaterThanOrEqualTo(1);
	}

	/** What a browser sends (every value percent-encoded as UTF-8) decodes back to the value itself. */
	@Test
	void decodingUndoesWhatAClientEncodesAndNeverThrowsOrYieldsHalfACharacter() {
		for (String value : new HostileText(7L, "café au lait", "north entrance, morning", "2026-11-01T08:00:00+01:00",
				"\u202e\ud83d\udcf9").take(CASES, 8)) {
			String wellFormed = value.codePoints()
				.filter(c -> c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE)
				.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
				.toString();
			assertThat(StrictRequestFilter.decode(URLEncoder.encode(wellFormed, StandardCharsets.UTF_8)))
				.as("encoded %s", printable(wellFormed)).contains(wellFormed);
			assertThatCode(() -> StrictRequestFilter.decode(value)
				.ifPresent(decoded -> {
					assertThat(decoded.chars().filter(c -> Character.isSurrogate((char) c)).count() % 2)
						.as("raw %s", printable(value)).isZero();
					if (value.indexOf('%') < 0 && value.indexOf('+') < 0) {
						assertThat(decoded).as("unencoded text is itself").isEqualTo(value);
					}
				}))
				.as("raw %s", printable(value)).doesNotThrowAnyException();
		}
		assertThat(StrictRequestFilter.decode("%ED%A0%80")).as("a surrogate encoded on its own is not UTF-8").isEmpty();
		assertThat(StrictRequestFilter.decode("\ud83d\udcf9")).as("a character outside the BMP, unencoded").contains("\ud83d\udcf9");
		assertThat(StrictRequestFilter.decode("a\ud83d")).as("half a character").isEmpty();
	}

	@Test
	void anAcceptedInstantIsAlwaysWithin1970And2200() {
		int accepted = 0;
		for (String text : new HostileText(1970L, "2026-11-01T08:00:00Z", "1970-01-01T00:00:00Z",
				"2199-12-31T23:59:59.999Z", "2026-11-01T08:00:00+14:00", "+1000000000-01-01T00:00:00Z").take(CASES, 4)) {
			Optional<Instant> parsed = Instants.parse(text);
			if (parsed.isPresent()) {
				accepted++;
				assertThat(parsed.get()).as(text).isBetween(Instants.EARLIEST, Instants.LATEST.minusNanos(1));
			}
		}
		assertThat(accepted).as("the valid seeds and some mutants are accepted").isGreaterThanOrEqualTo(4);
	}

	private static String printable(String text) {
		StringBuilder out = new StringBuilder();
		text.codePoints().forEach(c -> out.append(c < 0x20 || c > 0x7e ? "\\u%04x".formatted(c) : String.valueOf((char) c)));
		return out.toString();
	}

}
