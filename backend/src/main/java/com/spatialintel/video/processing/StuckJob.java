package com.spatialintel.video.processing;

import java.util.UUID;

/** A running job the watchdog failed, with the sentence saying which rule fired. */
public record StuckJob(UUID jobId, UUID videoId, String workerHostname, String reason) {
}
