package com.spatialintel.video.video;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code videos}. */
public record Video(UUID id, UUID mallId, UUID pinId, String filename, long fileSizeBytes, String checksumSha256,
		Instant recordedAt, String operatorNotes, UUID uploadedByUserId, VideoMetadata metadata, String originalPath,
		String proxyPath, String posterPath, String previewsPath, UploadStatus uploadStatus, ProcessingStatus processingStatus, UUID processingJobId,
		String processingError, Instant uploadedAt, Instant processingStartedAt, Instant processingCompletedAt,
		Instant createdAt, Instant updatedAt, MultipartState multipart, Instant deletionRequestedAt) {

	/** The durable state of the browser's multipart upload. */
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

	/** The scrub previews' WebVTT file; its sprite sheet is {@link #previewsImageKey()}, next to it. */
	public String previewsKey() {
		return mallId + "/" + pinId + "/" + id + "/previews.vtt";
	}

	public String previewsImageKey() {
		return mallId + "/" + pinId + "/" + id + "/previews.jpg";
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

	/** Videos processed before previews existed, or whose previews could not be made, have none. */
	public boolean hasPreviews() {
		return previewsPath != null && hasProxy();
	}

	/** Marked rows are hidden everywhere: their objects are being deleted, then the row. */
	public boolean deletionRequested() {
		return deletionRequestedAt != null;
	}

}
