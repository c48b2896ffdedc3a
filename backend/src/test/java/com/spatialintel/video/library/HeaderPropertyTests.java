package com.spatialintel.video.library;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import com.spatialintel.video.errors.ForbiddenException;
import com.spatialintel.video.testing.HostileText;
import com.spatialintel.video.testing.UnitTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Properties of the playback headers and signed links over thousands of hostile inputs from a fixed
 * seed: conditional headers never throw, and a signed link is refused with 403 (never anything
 * else) unless it is exactly the one signed.
 */
@UnitTest
class HeaderPropertyTests {

	private static final int CASES = 5_000;

	private static final String ETAG = "\"9b2cf535f27731c974343645a3985328\"";

	private static final Instant MODIFIED = Instant.parse("2026-11-01T08:00:00Z");

	@Test
	void conditionalHeadersOfAnyShapeGiveAnOutcomeAndNeverThrow() {
		List<String> values = new HostileText(9110L, ETAG, "W/" + ETAG, "*", "\"a\", \"b\"", "Sun, 01 Nov 2026 08:00:00 GMT",
				"Sunday, 01-Nov-26 08:00:00 GMT", "Sun Nov  1 08:00:00 2026").take(CASES, 6);
		for (int i = 0; i + 3 < values.size(); i += 4) {
			String ifMatch = values.get(i);
			String ifUnmodifiedSince = values.get(i + 1);
			String ifNoneMatch = values.get(i + 2);
			String ifModifiedSince = values.get(i + 3);
			assertThatCode(() -> assertThat(
					Preconditions.evaluate(ifMatch, ifUnmodifiedSince, ifNoneMatch, ifModifiedSince, ETAG, MODIFIED))
				.isNotNull())
				.as("If-Match %s, If-Unmodified-Since %s, If-None-Match %s, If-Modified-Since %s", ifMatch,
						ifUnmodifiedSince, ifNoneMatch, ifModifiedSince)
				.doesNotThrowAnyException();
			assertThatCode(() -> Preconditions.httpDate(ifModifiedSince)).doesNotThrowAnyException();
		}
	}

	@Test
	void onlyTheExactSignedLinkPassesAndEverythingElseIsA403() {
		Clock clock = Clock.fixed(MODIFIED, ZoneOffset.UTC);
		LinkSigner signer = new LinkSigner(
				new StreamingSettings("a-signing-secret-for-properties-0123456789", null, Duration.ofHours(1), 0, null), clock);
		UUID videoId = UUID.fromString("5f0c6c1e-3a57-4a59-9a53-2f1d7c0e9b11");
		String url = signer.sign(videoId, SignedResource.PROXY).url();
		String expires = url.replaceAll(".*expires=([^&]+).*", "$1");
		String signature = url.replaceAll(".*signature=([^&]+).*", "$1");

		assertThat(signer.verify(videoId, SignedResource.PROXY, expires, signature)).isAfter(MODIFIED);
		HostileText hostile = new HostileText(403L, expires, signature);
		int refused = 0;
		for (int i = 0; i < CASES; i++) {
			String tamperedExpires = i % 2 == 0 ? hostile.next(3) : expires;
			String tamperedSignature = i % 2 == 1 ? hostile.next(3) : signature;
			if (tamperedExpires.equals(expires) && tamperedSignature.equals(signature)) {
				continue;
			}
			Throwable thrown = catchThrowable(
					() -> signer.verify(videoId, SignedResource.PROXY, tamperedExpires, tamperedSignature));
			assertThat(thrown).as("expires %s, signature %s", tamperedExpires, tamperedSignature)
				.isInstanceOf(ForbiddenException.class);
			refused++;
		}
		assertThat(catchThrowable(() -> signer.verify(videoId, SignedResource.POSTER, expires, signature)))
			.as("a proxy's signature does not open the poster").isInstanceOf(ForbiddenException.class);
		assertThat(refused).isGreaterThan(CASES * 9 / 10);
	}

}
