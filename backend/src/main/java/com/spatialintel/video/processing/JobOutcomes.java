package com.spatialintel.video.processing;

import java.time.Clock;
import java.util.function.BooleanSupplier;

import com.spatialintel.video.video.Videos;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one owner of the changes that end or move a job (start, fail, requeue, complete). For a type
 * the video follows ({@link JobType#followedByVideo()}), each writes the job's status and the
 * video's in one transaction, so that no reader ever sees a failed job on a running video or a
 * completed video whose job still runs. A job whose state moved meanwhile (cancelled, failed by the
 * watchdog) changes nothing. The end of a job is published inside its transaction.
 */
@Component
class JobOutcomes {

	private final ProcessingJobRepository jobs;

	private final Videos videos;

	private final TransactionTemplate transaction;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	JobOutcomes(ProcessingJobRepository jobs, Videos videos, TransactionTemplate transaction,
			ApplicationEventPublisher events, Clock clock) {
		this.jobs = jobs;
		this.videos = videos;
		this.transaction = transaction;
		this.events = events;
		this.clock = clock;
	}

	/** This worker takes the job, and its video shows it running; false when another worker has it. */
	boolean start(ProcessingJob job, String workerHostname) {
		return inTransaction(() -> {
			if (!jobs.claim(job.id(), workerHostname, clock.instant())) {
				return false;
			}
			if (job.type().followedByVideo()) {
				// a video deleted meanwhile has no row to mark; the execution then cancels the job
				videos.markProcessingStarted(job.videoId());
			}
			return true;
		});
	}

	/**
	 * @param sentence what people are told (the video's error, the first line of the job's)
	 * @param detail what operators are told besides (the job's further lines); null for none
	 * @return false when the job was no longer running
	 */
	boolean fail(ProcessingJob job, String sentence, String detail, boolean byWatchdog) {
		return inTransaction(() -> {
			if (!jobs.transition(job.id(), JobStatus.RUNNING, JobStatus.FAILED,
					detail == null ? sentence : sentence + "\n" + detail, clock.instant())) {
				return false;
			}
			if (job.type().followedByVideo()) {
				videos.markProcessingFailed(job.videoId(), sentence);
			}
			events.publishEvent(new ProcessingJobFailed(job.id(), job.videoId(), job.type(), sentence, byWatchdog));
			return true;
		});
	}

	/** The job goes back to pending (it will run again) and its video back to queued. */
	boolean requeue(ProcessingJob job, String why) {
		return inTransaction(() -> {
			if (!jobs.transition(job.id(), JobStatus.RUNNING, JobStatus.PENDING, why, clock.instant())) {
				return false;
			}
			if (job.type().followedByVideo()) {
				videos.markProcessingRequeued(job.videoId());
			}
			return true;
		});
	}

	/**
	 * @param videoChange what the job's result changes on its video, in the same transaction; false rolls
	 * the completion back (the video was deleted or reprocessed meanwhile)
	 * @return false when the job was cancelled (or its video deleted) meanwhile: nothing may point at its files
	 */
	boolean complete(ProcessingJob job, String resultJson, BooleanSupplier videoChange) {
		return inTransaction(() -> {
			if (!jobs.complete(job.id(), resultJson, clock.instant())) {
				return false;
			}
			if (!videoChange.getAsBoolean()) {
				throw new JobOutcomeRefused();
			}
			events.publishEvent(new ProcessingJobCompleted(job.id(), job.videoId(), job.type(), clock.instant()));
			return true;
		});
	}

	private boolean inTransaction(BooleanSupplier change) {
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
