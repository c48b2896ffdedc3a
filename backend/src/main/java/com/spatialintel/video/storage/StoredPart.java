package com.spatialintel.video.storage;

/** One part of a multipart upload as S3 holds it. The ETag is given without quotes. */
public record StoredPart(int partNumber, String etag, long sizeBytes) {
}
