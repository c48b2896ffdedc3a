package com.spatialintel.video.upload;

import java.time.Instant;
import java.util.UUID;

/**
 * Published inside the transaction that records a video as uploaded: its original is stored,
 * checked and described. The facts are carried, so a listener needs no row that may be deleted later.
 */
public record UploadCompleted(UUID videoId, UUID mallId, UUID pinId, UUID completedByUserId, String filename,
		long fileSizeBytes, String checksumSha256, Instant completedAt) {
}
