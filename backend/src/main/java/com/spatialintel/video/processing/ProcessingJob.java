package com.spatialintel.video.processing;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code processing_jobs}; {@code resultData} is the stored JSON text. */
public record ProcessingJob(UUID id, UUID videoId, JobType type, JobStatus status, String taskId,
		String workerHostname, int progress, Instant heartbeatAt, String resultData, String errorMessage,
		Instant queuedAt, Instant startedAt, Instant completedAt, int attempts) {
}
