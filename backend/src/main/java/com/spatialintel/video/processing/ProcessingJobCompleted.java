package com.spatialintel.video.processing;

import java.time.Instant;
import java.util.UUID;

/** Published, inside its transaction, when a job of a video has completed; for a proxy job the video is now playable. */
public record ProcessingJobCompleted(UUID jobId, UUID videoId, JobType type, Instant completedAt) {
}
