package com.spatialintel.video.watchdog;

import java.time.Instant;

/**
 * What one watchdog run cleaned ({@code POST /api/admin/cleanup-stuck-jobs}); {@code unqueuedJobsRequeued}
 * counts pending jobs that had never reached the queue and were handed to it again.
 */
record WatchdogReport(int stuckUploadsCleaned, int stuckJobsCleaned, int orphanUploadsAborted,
		int unqueuedJobsRequeued, Instant cleanedAt) {

	boolean cleanedAnything() {
		return stuckUploadsCleaned + stuckJobsCleaned + orphanUploadsAborted + unqueuedJobsRequeued > 0;
	}

}
