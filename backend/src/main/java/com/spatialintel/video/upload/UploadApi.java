package com.spatialintel.video.upload;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.spatialintel.video.errors.PlainText;
import com.spatialintel.video.video.ProcessingStatus;
import com.spatialintel.video.video.RecordingTimeSource;
import com.spatialintel.video.video.UploadStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Request and response bodies of the upload endpoints; JSON names are snake_case. */
final class UploadApi {

	private UploadApi() {
	}

	record InitiateRequest(
			@NotBlank @Size(max = 255) @PlainText @Pattern(regexp = "(?i).*\\.mp4",
					message = "must be the name of an .mp4 file (only MP4 files are accepted)") String filename,
			@NotNull @Positive Long fileSizeBytes,
			@NotNull @Pattern(regexp = "[0-9a-fA-F]{64}",
					message = "must be 64 hexadecimal characters (the file's SHA-256)") String checksumSha256,
			@Valid Metadata metadata) {
	}

	record Metadata(Instant recordedAt, @Size(max = 4000) @PlainText(multiline = true) String operatorNotes) {
	}

	record PresignedPart(int partNumber, String url) {
	}

	/** 201 for a new upload, 200 when an upload of the same file was resumed. */
	record UploadStarted(UUID videoId, String uploadId, long partSizeBytes, int totalParts,
			List<PresignedPart> presignedUrls, Instant expiresAt, Instant uploadExpiresAt, boolean duplicate,
			boolean resumed, List<Integer> uploadedParts) {
	}

	/** 200 when the pin already has this file. */
	record AlreadyUploaded(UUID videoId, boolean duplicate, UploadStatus uploadStatus,
			ProcessingStatus processingStatus) {
	}

	record SignPartsRequest(@NotNull @Size(min = 1, max = UploadSettings.MAX_PARTS_PER_SIGNING) List<@NotNull Integer> partNumbers) {
	}

	record SignedParts(List<PresignedPart> presignedUrls, Instant expiresAt) {
	}

	/** A PUT of an empty body to {@code url} tells the page whether it can upload to the storage from where it is. */
	record StorageCheck(String url, Instant expiresAt) {
	}

	record StoredParts(List<StoredPartView> parts) {
	}

	record StoredPartView(int partNumber, String etag, long size) {
	}

	record CompleteRequest(@Size(max = UploadSettings.MAX_PARTS) List<@NotNull @Valid PartReceipt> parts) {
	}

	record PartReceipt(@NotNull Integer partNumber, @NotBlank @Size(max = 200) String etag) {
	}

	/**
	 * @param recordedAt the recording time: the operator's, else the file's own (then
	 * {@code recordedAtSource} is {@code file}); null when neither is known
	 */
	record Completed(UUID videoId, UploadStatus uploadStatus, ProcessingStatus processingStatus, UUID jobId,
			Instant uploadedAt, Instant recordedAt, RecordingTimeSource recordedAtSource) {
	}

}
