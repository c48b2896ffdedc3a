package com.spatialintel.video.upload;

import java.time.Instant;
import java.util.UUID;

/** The fast copy of an upload's multipart state, kept as {@code upload:{video_id}}. */
record UploadSession(String uploadId, UUID mallId, UUID pinId, int totalParts, Instant expiresAt) {
}
