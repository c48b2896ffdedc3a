package com.spatialintel.video.video;

import java.time.Instant;
import java.util.UUID;

import com.spatialintel.video.mall.PinRef;

/**
 * {@code GET /api/videos/{id}}: the row, with the names of its mall and pin and the mall's time zone
 * (in which the UI shows its times). {@code recordedAtSource}: {@code operator}, {@code file} (the
 * file's own creation time, taken because the operator gave none) or null when the time is unknown.
 */
public record VideoDetails(UUID id, UUID mallId, String mallName, String mallTimeZone, UUID pinId, String pinName,
		String filename, long fileSizeBytes, Double durationSeconds, String checksumSha256, Instant recordedAt,
		RecordingTimeSource recordedAtSource, String operatorNotes,
		UUID uploadedByUserId, Integer width, Integer height, Double fps, String codec, UploadStatus uploadStatus,
		ProcessingStatus processingStatus, UUID processingJobId, String processingError, Instant uploadedAt,
		Instant processingStartedAt, Instant processingCompletedAt, Instant createdAt, Instant updatedAt,
		boolean hasProxy) {

	public static VideoDetails of(Video video, PinRef pin) {
		VideoMetadata metadata = video.metadata();
		return new VideoDetails(video.id(), video.mallId(), pin.mallName(), pin.mallTimeZone(), video.pinId(),
				pin.pinName(), video.filename(), video.fileSizeBytes(), metadata.durationSeconds(), video.checksumSha256(),
				video.recordedAt(), video.recordedAtSource(), video.operatorNotes(), video.uploadedByUserId(), metadata.width(),
				metadata.height(), metadata.fps(), metadata.codec(), video.uploadStatus(), video.processingStatus(),
				video.processingJobId(), video.processingError(), video.uploadedAt(), video.processingStartedAt(),
				video.processingCompletedAt(), video.createdAt(), video.updatedAt(), video.hasProxy());
	}

}
