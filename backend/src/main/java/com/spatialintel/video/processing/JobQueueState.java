package com.spatialintel.video.processing;

import java.time.Instant;

/**
 * How the processing queue stands at one moment.
 * @param waiting how many jobs wait for a worker ({@code pending}, handed to the queue or not)
 * @param oldestWaitingSince since when the longest-waiting job waits (a retried job: since its last
 * start); null when none waits
 * @param lastStarted when a job last started, of any status; null when none ever did
 * @param lastHeartbeat the latest heartbeat of a running job; null when none runs
 */
public record JobQueueState(int waiting, Instant oldestWaitingSince, Instant lastStarted, Instant lastHeartbeat) {
}
