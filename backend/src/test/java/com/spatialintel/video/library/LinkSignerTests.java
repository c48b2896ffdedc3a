package com.spatialintel.video.library;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.spatialintel.video.errors.ForbiddenException;
import com.spatialintel.video.testing.MutableClock;
import com.spatialintel.video.testing.UnitTest;
import org.junit.jupiter.api.Test;

import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@UnitTest
class LinkSignerTests {

	private static final String SECRET = "signing-secret-0123456789-0123456789";

	private static final String OLD_SECRET = "the-secret-before-the-rotation-0123456789";

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));

	private final UUID video = UUID.randomUUID();

	private LinkSigner signer(String secret, String previous) {
		return new LinkSigner(new StreamingSettings(secret, previous, Duration.ofMinutes(10), 0, null), clock);
	}

	private static String query(SignedLink link, String name) {
		return UriComponentsBuilder.fromUri(URI.create(link.url())).build().getQueryParams().getFirst(name);
	}

	@Test
	void aLinkNamesItsResourceAndExpiryAndVerifiesUntilItExpires() {
		LinkSigner signer = signer(SECRET, null);
		SignedLink link = signer.sign(video, SignedResource.PROXY);

		assertThat(link.url()).startsWith("/api/videos/" + video + "/proxy?expires=");
		assertThat(link.expiresAt()).isEqualTo(Instant.parse("2026-12-01T10:10:00Z"));
		assertThat(signer.verify(video, SignedResource.PROXY, query(link, "expires"), query(link, "signature")))
			.isEqualTo(link.expiresAt());

		clock.advance(Duration.ofMinutes(10));
		assertThatThrownBy(() -> signer.verify(video, SignedResource.PROXY, query(link, "expires"), query(link, "signature")))
			.isInstanceOf(ForbiddenException.class)
			.hasMessage("This link expired at 2026-12-01T10:10:00Z; ask for a new one (links last 600 s).");
	}

	@Test
	void aLinkServesOnlyItsOwnVideoAndResource() {
		LinkSigner signer = signer(SECRET, null);
		SignedLink link = signer.sign(video, SignedResource.POSTER);
		String expires = query(link, "expires");
		String signature = query(link, "signature");

		assertThatThrownBy(() -> signer.verify(video, SignedResource.PROXY, expires, signature))
			.isInstanceOf(ForbiddenException.class)
			.hasMessageStartingWith("This link is not valid");
		assertThatThrownBy(() -> signer.verify(UUID.randomUUID(), SignedResource.POSTER, expires, signature))
			.isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> signer.verify(video, SignedResource.POSTER, String.valueOf(Long.parseLong(expires) + 3600),
				signature))
			.as("a later expiry than the one signed")
			.isInstanceOf(ForbiddenException.class);
	}

	@Test
	void missingMalformedOrForeignSignaturesAreRefused() {
		LinkSigner signer = signer(SECRET, null);
		SignedLink link = signer.sign(video, SignedResource.PROXY);
		String expires = query(link, "expires");

		assertThatThrownBy(() -> signer.verify(video, SignedResource.PROXY, null, null)).isInstanceOf(ForbiddenException.class)
			.hasMessageStartingWith("This link is not signed");
		for (String[] bad : new String[][] { { expires, "not base64 !" }, { "12e3", query(link, "signature") },
				{ "-1", query(link, "signature") }, { "9".repeat(13), query(link, "signature") },
				{ expires, query(signer(OLD_SECRET, null).sign(video, SignedResource.PROXY), "signature") } }) {
			assertThatThrownBy(() -> signer.verify(video, SignedResource.PROXY, bad[0], bad[1])).as(String.join(" ", bad))
				.isInstanceOf(ForbiddenException.class);
		}
	}

	@Test
	void afterARotationLinksOfThePreviousKeyStillPlayAndOthersDoNot() {
		SignedLink before = signer(OLD_SECRET, null).sign(video, SignedResource.PROXY);
		SignedLink stranger = signer("a-key-this-server-never-had-0123456789", null).sign(video, SignedResource.PROXY);
		LinkSigner rotated = signer(SECRET, OLD_SECRET);

		assertThat(rotated.verify(video, SignedResource.PROXY, query(before, "expires"), query(before, "signature")))
			.isEqualTo(before.expiresAt());
		assertThatThrownBy(() -> rotated.verify(video, SignedResource.PROXY, query(stranger, "expires"),
				query(stranger, "signature")))
			.isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> signer(SECRET, null).verify(video, SignedResource.PROXY, query(before, "expires"),
				query(before, "signature")))
			.as("once the previous key is dropped")
			.isInstanceOf(ForbiddenException.class);
	}

}
