package com.spatialintel.video.library;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.spatialintel.video.errors.ForbiddenException;

import org.springframework.stereotype.Component;

/**
 * Signs and checks the links that play a proxy or show a poster without a bearer token:
 * {@code /api/videos/{id}/{proxy|poster}?expires={unix seconds}&signature={HMAC-SHA256}}, the
 * HMAC taken over the video id, the resource and the expiry with {@code SIGNING_SECRET}. A link
 * signed with {@code SIGNING_SECRET_PREVIOUS} is still accepted, so the key can be rotated while
 * links are in use. Signatures are compared in constant time.
 */
@Component
class LinkSigner {

	private static final String ALGORITHM = "HmacSHA256";

	private static final int MAX_EXPIRES_DIGITS = 12;

	private final SecretKeySpec current;

	private final SecretKeySpec previous;

	private final StreamingSettings settings;

	private final Clock clock;

	LinkSigner(StreamingSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
		this.current = key(settings.signingSecret());
		this.previous = settings.hasPreviousSecret() ? key(settings.signingSecretPrevious()) : null;
	}

	SignedLink sign(UUID videoId, SignedResource resource) {
		long expires = clock.instant().plus(settings.urlTtl()).getEpochSecond();
		String signature = Base64.getUrlEncoder().withoutPadding().encodeToString(mac(current, videoId, resource, expires));
		String url = "/api/videos/%s/%s?expires=%d&signature=%s".formatted(videoId, resource.pathSegment(), expires,
				signature);
		return new SignedLink(url, Instant.ofEpochSecond(expires));
	}

	/**
	 * @return when the link expires
	 * @throws ForbiddenException when the link is unsigned, altered, signed with an unknown key or expired
	 */
	Instant verify(UUID videoId, SignedResource resource, String expires, String signature) {
		if (expires == null || expires.isBlank() || signature == null || signature.isBlank()) {
			throw new ForbiddenException("This link is not signed; ask for a playable link with GET /api/videos/"
					+ videoId + "/stream-url.");
		}
		long expiresAt = parseExpiry(expires);
		byte[] given = decode(signature);
		boolean valid = MessageDigest.isEqual(given, mac(current, videoId, resource, expiresAt))
				|| previous != null && MessageDigest.isEqual(given, mac(previous, videoId, resource, expiresAt));
		if (!valid) {
			throw altered();
		}
		if (clock.instant().getEpochSecond() >= expiresAt) {
			throw new ForbiddenException("This link expired at " + Instant.ofEpochSecond(expiresAt)
					+ "; ask for a new one (links last " + settings.urlTtl().toSeconds() + " s).");
		}
		return Instant.ofEpochSecond(expiresAt);
	}

	private static long parseExpiry(String expires) {
		if (expires.length() > MAX_EXPIRES_DIGITS || !expires.chars().allMatch(Character::isDigit)) {
			throw altered();
		}
		return Long.parseLong(expires);
	}

	private static byte[] decode(String signature) {
		try {
			return Base64.getUrlDecoder().decode(signature);
		}
		catch (IllegalArgumentException notBase64) {
			throw altered();
		}
	}

	private static ForbiddenException altered() {
		return new ForbiddenException(
				"This link is not valid: it was altered, or signed with a key this server no longer accepts.");
	}

	private static byte[] mac(SecretKeySpec key, UUID videoId, SignedResource resource, long expires) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			return mac.doFinal((videoId + "\n" + resource.pathSegment() + "\n" + expires).getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	private static SecretKeySpec key(String secret) {
		return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
	}

}
