package com.spatialintel.video.video;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code videos}. */
public record Video(UUID id, UUID mallId, UUID pinId, String filename, long fileSizeBytes, String checksumSha256,
		Instant recordedAt, String operatorNotes, UUID uploadedByUserId, VideoMetadata metadata, String originalPath,
		String proxyPath, String posterPath, UploadStatus uploadStatus, ProcessingStatus processingStatus, UUID processingJobId,
		String processingError, Instant uploadedAt, Instant processingStartedAt, Instant processingCompletedAt,
		Instant createdAt, Instant updatedAt, MultipartState multipart, Instant deletionRequestedAt) {

	/** The durable state of the browser's multipart upload; Redis only caches it. */
	public record MultipartState(String s3UploadId, long partSizeBytes, int totalParts, Instant expiresAt) {
	}

	/** S3 keys are built from ids only, never from file names. */
	public static String originalKey(UUID mallId, UUID pinId, UUID videoId) {
		return mallId + "/" + pinId + "/" + videoId + "/original.mp4";
	}

	public String proxyKey() {
		return mallId + "/" + pinId + "/" + id + "/proxy.mp4";
	}

	public String posterKey() {
		return mallId + "/" + pinId + "/" + id + "/poster.jpg";
	}

	public String originalKey() {
		return originalKey(mallId, pinId, id);
	}

	public boolean hasProxy() {
		return proxyPath != null && processingStatus == ProcessingStatus.COMPLETED;
	}

	public boolean hasPoster() {
		return posterPath != null && hasProxy();
	}

	/** Marked rows are hidden everywhere: their objects are being deleted, then the row. */
	public boolean deletionRequested() {
		return deletionRequestedAt != null;
	}

}
