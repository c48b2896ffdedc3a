package com.spatialintel.video.evidence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An export as stored: what was asked for (window, clips, mode, disclosure, by whom), how its job
 * stands, and its package once made.
 * @param windowFrom the wall-clock window asked for; null for an export of one video by media time
 * @param keepUntil when its sources' retention would let them go; null while a mall keeps footage for ever
 */
record EvidenceExport(UUID id, UUID mallId, ExportMode mode, Instant windowFrom, Instant windowTo, Disclosure disclosure,
		UUID createdByUserId, String createdByEmail, Instant createdAt, ExportStatus status, int progress, String error,
		Instant startedAt, Instant completedAt, String packageKey, Long packageBytes, String packageSha256,
		Instant keepUntil, Instant deletedAt, String deletedByEmail, List<ExportClip> clips) {

	/** The package's object: {@code exports/{export_id}/evidence-{export_id}.zip}. */
	static String packageKeyOf(UUID exportId) {
		return "exports/" + exportId + "/evidence-" + exportId + ".zip";
	}

	String packageName() {
		return "evidence-" + id + ".zip";
	}

}
