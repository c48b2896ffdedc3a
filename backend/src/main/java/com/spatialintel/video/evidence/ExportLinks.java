package com.spatialintel.video.evidence;

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
 * The signed, expiring links that download a package without a bearer token, like the proxy's:
 * {@code /api/exports/{id}/package?expires={unix seconds}&signature={HMAC-SHA256}}. The HMAC key
 * is derived from the evidence signing key, which every process shares; signatures are compared in
 * constant time.
 */
@Component
class ExportLinks {

	private static final String ALGORITHM = "HmacSHA256";

	private static final int MAX_EXPIRES_DIGITS = 12;

	private final EvidenceKeys keys;

	private final EvidenceSettings settings;

	private final Clock clock;

	ExportLinks(EvidenceKeys keys, EvidenceSettings settings, Clock clock) {
		this.keys = keys;
		this.settings = settings;
		this.clock = clock;
	}

	ExportApi.DownloadLink sign(UUID exportId) {
		long expires = clock.instant().plus(settings.linkTtl()).getEpochSecond();
		String signature = Base64.getUrlEncoder().withoutPadding().encodeToString(mac(exportId, expires));
		return new ExportApi.DownloadLink("/api/exports/%s/package?expires=%d&signature=%s".formatted(exportId, expires, signature),
				Instant.ofEpochSecond(expires));
	}

	/** @throws ForbiddenException when the link is unsigned, altered or expired */
	void verify(UUID exportId, String expires, String signature) {
		if (expires == null || expires.isBlank() || signature == null || signature.isBlank()) {
			throw new ForbiddenException("This link is not signed; ask for a download link with GET /api/exports/"
					+ exportId + "/download-url.");
		}
		if (expires.length() > MAX_EXPIRES_DIGITS || !expires.chars().allMatch(Character::isDigit)) {
			throw altered();
		}
		long expiresAt = Long.parseLong(expires);
		byte[] given;
		try {
			given = Base64.getUrlDecoder().decode(signature);
		}
		catch (IllegalArgumentException notBase64) {
			throw altered();
		}
		if (!MessageDigest.isEqual(given, mac(exportId, expiresAt))) {
			throw altered();
		}
		if (clock.instant().getEpochSecond() >= expiresAt) {
			throw new ForbiddenException("This download link expired at " + Instant.ofEpochSecond(expiresAt)
					+ "; ask for a new one (links last " + settings.linkTtl().toMinutes() + " min).");
		}
	}

	private static ForbiddenException altered() {
		return new ForbiddenException("This download link is not valid: it was altered, or signed with a key this server no longer has.");
	}

	private byte[] mac(UUID exportId, long expires) {
		try {
			byte[] secret = MessageDigest.getInstance("SHA-256")
				.digest(("export-links\n" + Base64.getEncoder().encodeToString(keys.require().getPrivate().getEncoded()))
					.getBytes(StandardCharsets.UTF_8));
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(new SecretKeySpec(secret, ALGORITHM));
			return mac.doFinal((exportId + "\npackage\n" + expires).getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

}
