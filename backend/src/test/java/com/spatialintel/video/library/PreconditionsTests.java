package com.spatialintel.video.library;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.spatialintel.video.library.Preconditions.Outcome;
import com.spatialintel.video.testing.UnitTest;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 9110 §13.2.2 on the proxy's conditional headers, without a server. */
@UnitTest
class PreconditionsTests {

	private static final String ETAG = "\"abc\"";

	private static final Instant MODIFIED = Instant.parse("2026-11-30T10:00:00.700Z");

	private static final String AT_MODIFIED = "Mon, 30 Nov 2026 10:00:00 GMT";

	private static final String BEFORE = "Mon, 30 Nov 2026 09:59:59 GMT";

	@Test
	void noConditionsProceed() {
		assertThat(evaluate(null, null, null, null)).isEqualTo(Outcome.PROCEED);
	}

	@Test
	void ifMatchComparesStronglyAndStarMatchesAnyVersion() {
		assertThat(evaluate("\"abc\"", null, null, null)).isEqualTo(Outcome.PROCEED);
		assertThat(evaluate("*", null, null, null)).isEqualTo(Outcome.PROCEED);
		assertThat(evaluate("\"x\", \"abc\"", null, null, null)).isEqualTo(Outcome.PROCEED);
		assertThat(evaluate("\"x\"", null, null, null)).isEqualTo(Outcome.FAILED);
		assertThat(evaluate("W/\"abc\"", null, null, null)).isEqualTo(Outcome.FAILED);
		assertThat(evaluate("abc", null, null, null)).as("an unquoted tag matches nothing").isEqualTo(Outcome.FAILED);
	}

	@Test
	void ifUnmodifiedSinceCountsOnlyWithoutIfMatch() {
		assertThat(evaluate(null, BEFORE, null, null)).isEqualTo(Outcome.FAILED);
		assertThat(evaluate(null, AT_MODIFIED, null, null)).as("to the second").isEqualTo(Outcome.PROCEED);
		assertThat(evaluate("\"abc\"", BEFORE, null, null)).isEqualTo(Outcome.PROCEED);
		assertThat(evaluate(null, "yesterday", null, null)).as("a date that does not parse is ignored")
			.isEqualTo(Outcome.PROCEED);
	}

	@Test
	void ifNoneMatchComparesWeaklyAndStarMeansTheClientHasIt() {
		assertThat(evaluate(null, null, "*", null)).isEqualTo(Outcome.NOT_MODIFIED);
		assertThat(evaluate(null, null, "\"abc\"", null)).isEqualTo(Outcome.NOT_MODIFIED);
		assertThat(evaluate(null, null, "W/\"abc\"", null)).isEqualTo(Outcome.NOT_MODIFIED);
		assertThat(evaluate(null, null, "\"x\",W/\"abc\"", null)).isEqualTo(Outcome.NOT_MODIFIED);
		assertThat(evaluate(null, null, "\"x\"", null)).isEqualTo(Outcome.PROCEED);
	}

	@Test
	void ifNoneMatchWinsOverIfModifiedSince() {
		assertThat(evaluate(null, null, "\"x\"", AT_MODIFIED)).isEqualTo(Outcome.PROCEED);
		assertThat(evaluate(null, null, null, AT_MODIFIED)).isEqualTo(Outcome.NOT_MODIFIED);
		assertThat(evaluate(null, null, null, BEFORE)).isEqualTo(Outcome.PROCEED);
	}

	@Test
	void aFailedIfMatchIsNotTurnedIntoANotModified() {
		assertThat(evaluate("\"x\"", null, "\"abc\"", null)).isEqualTo(Outcome.FAILED);
	}

	@Test
	void entityTagListsAreReadAsWritten() {
		assertThat(Preconditions.entityTags("\"a\", W/\"b\",\"c,d\"")).containsExactly("\"a\"", "W/\"b\"", "\"c,d\"");
		assertThat(Preconditions.entityTags("\"a\", broken, \"c\"")).containsExactly("\"a\"");
		assertThat(Preconditions.entityTags("\"unterminated")).isEmpty();
	}

	private static Outcome evaluate(String ifMatch, String ifUnmodifiedSince, String ifNoneMatch, String ifModifiedSince) {
		return Preconditions.evaluate(ifMatch, ifUnmodifiedSince, ifNoneMatch, ifModifiedSince, ETAG, MODIFIED);
	}

}
