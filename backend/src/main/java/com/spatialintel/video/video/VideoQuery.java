package com.spatialintel.video.video;

import java.time.Instant;
import java.util.UUID;

/**
 * A page of one pin's videos: {@code from} (inclusive) and {@code to} (exclusive) filter
 * {@code recorded_at}; null means no filter. Bounds are checked by the caller.
 */
public record VideoQuery(UUID pinId, VideoStatusFilter status, Instant from, Instant to, int limit, long offset) {
}
