package com.spatialintel.video.processing;

import java.nio.file.Path;
import java.util.UUID;
import java.util.function.IntPredicate;

import com.spatialintel.video.video.Video;

/**
 * A job this worker has claimed: its row, its video, its own temporary folder (deleted whatever
 * happens), and its heartbeat, which records the progress (0–99) and answers false once the job
 * is no longer running here (cancelled, or failed by the watchdog): the handler then stops.
 */
record RunningJob(ProcessingJob job, Video video, Path folder, IntPredicate heartbeat) {

	UUID id() {
		return job.id();
	}

}
