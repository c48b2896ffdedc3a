package com.spatialintel.video.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of the audit log. {@code seq} is its place in the chain (0 while it waits in the inbox);
 * {@code detail} is a small JSON object; {@code prevHash} and {@code rowHash} chain it.
 */
public record AuditEntry(long seq, UUID id, Instant at, UUID actorUserId, String actorEmail, String clientAddress,
		String action, AuditOutcome outcome, UUID mallId, UUID pinId, UUID videoId, String detail, String prevHash,
		String rowHash) {

	AuditEntry sealed(long newSeq, String previous, String hash) {
		return new AuditEntry(newSeq, id, at, actorUserId, actorEmail, clientAddress, action, outcome, mallId, pinId,
				videoId, detail, previous, hash);
	}

}
