package com.spatialintel.video.processing;

import java.time.Instant;
import java.util.UUID;

/** Published inside the transaction that queued a new job of a finished video. */
public record ReprocessRequested(UUID videoId, UUID jobId, JobType type, Instant at) {
}
