package com.spatialintel.video.processing;

import java.util.UUID;

/**
 * Published once, inside its transaction, when a job has failed for good: its handler gave up (a
 * corrupt file, a checksum mismatch, S3 unreachable on every attempt) or the watchdog stopped it
 * ({@code byWatchdog}).
 */
public record ProcessingJobFailed(UUID jobId, UUID videoId, JobType type, String reason, boolean byWatchdog) {
}
