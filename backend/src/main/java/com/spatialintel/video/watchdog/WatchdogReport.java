package com.spatialintel.video.watchdog;

import java.time.Instant;

/**
 * What one watchdog run cleaned ({@code POST /api/admin/cleanup-stuck-jobs}); {@code orphanObjectsDeleted}
 * counts objects no video row pointed at, {@code unqueuedJobsRequeued} pending jobs that had never reached the queue and were handed to it again.
 */
record WatchdogReport(int stuckUploadsCleaned, int stuckJobsCleaned, int orphanUploadsAborted,
		int orphanObjectsDeleted, int unqueuedJobsRequeued, Instant cleanedAt) {

	boolean cleanedAnything() {
		return stuckUploadsCleaned + stuckJobsCleaned + orphanUploadsAborted + orphanObjectsDeleted
				+ unqueuedJobsRequeued > 0;
	}

}
