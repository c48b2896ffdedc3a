package com.spatialintel.video.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * {@code row_hash = SHA-256(prev_hash || canonical row)}, hex. The canonical row is every field of
 * the row but the hashes, in a fixed order, each as its length in characters, a colon and its text
 * (null as {@code -}), so that no two rows read the same.
 */
final class AuditHash {

	static final String GENESIS = "0".repeat(64);

	private AuditHash() {
	}

	static String of(String prevHash, AuditEntry entry) {
		StringBuilder canonical = new StringBuilder(prevHash);
		for (Object field : new Object[] { entry.seq(), entry.id(), entry.at(), entry.actorUserId(), entry.actorEmail(),
				entry.clientAddress(), entry.action(), entry.outcome().value(), entry.mallId(), entry.pinId(),
				entry.videoId(), entry.detail() }) {
			if (field == null) {
				canonical.append('-');
			}
			else {
				String text = Objects.toString(field);
				canonical.append(text.length()).append(':').append(text);
			}
			canonical.append('|');
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

}
