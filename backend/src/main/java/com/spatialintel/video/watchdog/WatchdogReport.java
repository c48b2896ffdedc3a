package com.spatialintel.video.watchdog;

import java.time.Instant;

/** What one watchdog run cleaned ({@code POST /api/admin/cleanup-stuck-jobs}). */
record WatchdogReport(int stuckUploadsCleaned, int stuckJobsCleaned, int orphanUploadsAborted, Instant cleanedAt) {

	boolean cleanedAnything() {
		return stuckUploadsCleaned + stuckJobsCleaned + orphanUploadsAborted > 0;
	}

}
