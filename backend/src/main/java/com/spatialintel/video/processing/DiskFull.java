package com.spatialintel.video.processing;

import com.spatialintel.video.media.FfmpegRun;

/**
 * The worker's work folder filled up ({@code ENOSPC}), whether Java wrote there (the original being
 * fetched) or ffmpeg did (the proxy being made). The job fails at once with a sentence that says
 * what to do: another attempt on a full disk fails the same way, and nothing partial is stored
 * (the proxy is stored only after ffmpeg finished and was checked).
 */
final class DiskFull {

	static final String SENTENCE = "Not enough disk space on the worker to process this video: its work folder "
			+ "filled up. Free space there (JOB_WORK_DIR) and reprocess the video.";

	private DiskFull() {
	}

	/** Whether this failure, or one of its causes, is a full disk. */
	static boolean causedBy(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause.getMessage() != null && cause.getMessage().contains(FfmpegRun.NO_SPACE)) {
				return true;
			}
		}
		return false;
	}

	/** Whether ffmpeg's last lines say it could not write for want of space. */
	static boolean saidBy(String ffmpegOutput) {
		return ffmpegOutput != null && ffmpegOutput.contains(FfmpegRun.NO_SPACE);
	}

}
