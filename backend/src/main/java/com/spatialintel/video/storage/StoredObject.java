package com.spatialintel.video.storage;

import java.time.Instant;

/** What HEAD tells about an object. The ETag is given without quotes. */
public record StoredObject(String key, long sizeBytes, String etag, Instant lastModified) {
}
