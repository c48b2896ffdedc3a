package com.spatialintel.video.video;

import java.time.Instant;
import java.util.UUID;

/** What an upload declares when it starts. */
public record NewUpload(UUID videoId, UUID mallId, UUID pinId, String filename, long fileSizeBytes,
		String checksumSha256, Instant recordedAt, String operatorNotes, UUID uploadedByUserId,
		Video.MultipartState multipart) {
}
