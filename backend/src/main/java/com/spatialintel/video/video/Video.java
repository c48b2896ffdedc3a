package com.spatialintel.video.video;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code videos}. */
public record Video(UUID id, UUID mallId, UUID pinId, String filename, long fileSizeBytes, String checksumSha256,
		Instant recordedAt, RecordingTimeSource recordedAtSource, String operatorNotes, UUID uploadedByUserId, VideoMetadata metadata, String originalPath,
		String proxyPath, String posterPath, String previewsPath, UploadStatus uploadStatus, ProcessingStatus processingStatus, UUID processingJobId,
		String processingError, Instant uploadedAt, Instant processingStartedAt, Instant processingCompletedAt,
		Instant createdAt, Instant updatedAt, MultipartState multipart, Instant deletionRequestedAt) {

	/** The durable state of the browser's multipart upload. */
	public record MultipartState(String s3UploadId, long partSizeBytes, int totalParts, Instant expiresAt) {
	}

	/** The objects this video stores. */
	public VideoFiles files() {
		return VideoFiles.of(this);
	}

	/** When its last frame was recorded; null without a recording time or a duration. */
	public Instant recordedUntil() {
		Double seconds = metadata.durationSeconds();
		return recordedAt == null || seconds == null ? null : recordedAt.plusNanos(Math.round(seconds * 1e9));
	}

	public boolean hasProxy() {
		return proxyPath != null && processingStatus == ProcessingStatus.COMPLETED;
	}

	public boolean hasPoster() {
		return posterPath != null && hasProxy();
	}

	/** Videos processed before previews existed, or whose previews could not be made, have none. */
	public boolean hasPreviews() {
		return previewsPath != null && hasProxy();
	}

	/** Marked rows are hidden everywhere: their objects are being deleted, then the row. */
	public boolean deletionRequested() {
		return deletionRequestedAt != null;
	}

}
