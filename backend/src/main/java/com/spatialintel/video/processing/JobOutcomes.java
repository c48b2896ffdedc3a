package com.spatialintel.video.processing;

import java.time.Clock;
import java.util.UUID;

import com.spatialintel.video.video.Videos;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one owner of the changes that move a job and its video together (start, fail, requeue, complete): each writes the
 * job's status and the video's in one transaction, so that no reader ever sees a failed job on a
 * running video or a completed video whose job still runs. A job whose state moved meanwhile
 * (cancelled, failed by the watchdog) changes neither.
 */
@Component
class JobOutcomes {

	private final ProcessingJobRepository jobs;

	private final Videos videos;

	private final TransactionTemplate transaction;

	private final Clock clock;

	JobOutcomes(ProcessingJobRepository jobs, Videos videos, TransactionTemplate transaction, Clock clock) {
		this.jobs = jobs;
		this.videos = videos;
		this.transaction = transaction;
		this.clock = clock;
	}

	/** This worker takes the job, and its video shows it running; false when another worker has it. */
	boolean start(UUID jobId, UUID videoId, String workerHostname) {
		return inTransaction(() -> {
			if (!jobs.claim(jobId, workerHostname, clock.instant())) {
				return false;
			}
			// a video deleted meanwhile has no row to mark; the pipeline then cancels the job
			videos.markProcessingStarted(videoId);
			return true;
		});
	}

	/**
	 * @param sentence what people are told (the video's error, the first line of the job's)
	 * @param detail what operators are told besides (the job's further lines); null for none
	 * @return false when the job was no longer running
	 */
	boolean fail(UUID jobId, UUID videoId, String sentence, String detail) {
		return inTransaction(() -> {
			if (!jobs.transition(jobId, JobStatus.RUNNING, JobStatus.FAILED,
					detail == null ? sentence : sentence + "\n" + detail, clock.instant())) {
				return false;
			}
			videos.markProcessingFailed(videoId, sentence);
			return true;
		});
	}

	/** The job goes back to pending (it will run again) and its video back to queued. */
	boolean requeue(UUID jobId, UUID videoId, String why) {
		return inTransaction(() -> {
			if (!jobs.transition(jobId, JobStatus.RUNNING, JobStatus.PENDING, why, clock.instant())) {
				return false;
			}
			videos.markProcessingRequeued(videoId);
			return true;
		});
	}

	/** @return false when the job was cancelled (or its video deleted) meanwhile: nothing may point at its files */
	boolean complete(UUID jobId, UUID videoId, String resultJson, String proxyKey, String posterKey, String previewsKey) {
		return inTransaction(() -> {
			if (!jobs.complete(jobId, resultJson, clock.instant())) {
				return false;
			}
			if (!videos.markProcessingCompleted(videoId, proxyKey, posterKey, previewsKey)) {
				throw new JobOutcomeRefused();
			}
			return true;
		});
	}

	private boolean inTransaction(java.util.function.BooleanSupplier change) {
		try {
			return Boolean.TRUE.equals(transaction.execute(status -> change.getAsBoolean()));
		}
		catch (JobOutcomeRefused refused) {
			return false;
		}
	}

	/** The video refused the change (deleted or reprocessed meanwhile): the job's change is rolled back. */
	private static final class JobOutcomeRefused extends RuntimeException {

		JobOutcomeRefused() {
			super(null, null, false, false);
		}

	}

}
