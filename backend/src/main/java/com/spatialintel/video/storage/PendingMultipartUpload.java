package com.spatialintel.video.storage;

import java.time.Instant;

/** A multipart upload started in the bucket and neither completed nor aborted. */
public record PendingMultipartUpload(String key, String uploadId, Instant initiated) {
}
