package com.spatialintel.video.processing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jobrunr.scheduling.JobRequestScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.spatialintel.video.video.Videos;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** What other modules may do with processing jobs. */
@Service
public class ProcessingJobs {

	private static final Logger log = LoggerFactory.getLogger(ProcessingJobs.class);

	private final ProcessingJobRepository jobs;

	private final JobRequestScheduler queue;

	private final Videos videos;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final JobOutcomes outcomes;

	private final ApplicationEventPublisher events;

	ProcessingJobs(ProcessingJobRepository jobs, JobRequestScheduler queue, Videos videos, Clock clock,
			TransactionTemplate transaction, JobOutcomes outcomes, ApplicationEventPublisher events) {
		this.jobs = jobs;
		this.outcomes = outcomes;
		this.queue = queue;
		this.videos = videos;
		this.clock = clock;
		this.transaction = transaction;
		this.events = events;
	}

	/** Records a job that waits for a worker; joins the caller's transaction. */
	public UUID createPending(UUID videoId, JobType type) {
		UUID jobId = UUID.randomUUID();
		jobs.insertPending(jobId, videoId, type, clock.instant());
		return jobId;
	}

	/**
	 * Hands a committed pending job to the queue, under its own id, so handing it twice queues it
	 * once. When the queue cannot be reached the job stays pending, this says so in the log, and the
	 * watchdog hands it over again ({@link #requeueUnqueued}).
	 * @return whether the queue took it
	 */
	public boolean enqueue(UUID jobId) {
		ProcessingJob job = jobs.find(jobId).orElseThrow();
		try {
			String taskId = queue.enqueue(jobId, new ProcessingJobRequest(jobId)).toString();
			jobs.setTaskId(jobId, taskId);
			videos.markQueued(job.videoId());
			return true;
		}
		catch (RuntimeException ex) {
			log.error("Processing job {} could not be queued and stays pending", jobId, ex);
			return false;
		}
	}

	/**
	 * Queues again the pending jobs that never reached the queue and have waited for longer than
	 * {@code maxWait}: the process that recorded them stopped, or lost the database, between the
	 * commit and the hand-over. Safe to repeat: the queue keeps one job per id.
	 * @return how many the queue took
	 */
	public int requeueUnqueued(Duration maxWait) {
		int requeued = 0;
		for (UUID jobId : jobs.findUnqueued(clock.instant().minus(maxWait))) {
			if (enqueue(jobId)) {
				log.warn("Processing job {} had not reached the queue for more than {} and was queued again", jobId,
						minutes(maxWait));
				requeued++;
			}
		}
		return requeued;
	}

	public JobQueueState queueState() {
		return jobs.queueState();
	}

	public Optional<ProcessingJob> find(UUID jobId) {
		return jobs.find(jobId);
	}

	/**
	 * Gives a video a new job of this type and queues it, once its last one has ended: for a proxy
	 * job, once the video's processing has ended (failed or completed).
	 * @return the new job; empty when the video is not uploaded, has a job of this type waiting or
	 * running, or is being deleted
	 */
	public Optional<UUID> reprocess(UUID videoId, JobType type) {
		UUID jobId = UUID.randomUUID();
		boolean started = Boolean.TRUE.equals(transaction.execute(status -> {
			if (jobs.hasActive(videoId, type)) {
				return false;
			}
			jobs.insertPending(jobId, videoId, type, clock.instant());
			if (type.followedByVideo() && !videos.markReprocessing(videoId, jobId)) {
				status.setRollbackOnly();
				return false;
			}
			events.publishEvent(new ReprocessRequested(videoId, jobId, type, clock.instant()));
			return true;
		}));
		if (!started) {
			return Optional.empty();
		}
		enqueue(jobId);
		return Optional.of(jobId);
	}

	/**
	 * Fails the running jobs that ran longer than {@code maxRunning} or whose worker sent no heartbeat
	 * for {@code maxSilence}, with a sentence naming the rule. A worker that is still alive sees its
	 * next heartbeat refused (within 2 s) and kills its ffmpeg, on whichever node it runs. Each job is
	 * failed by one caller only, however many run this at once.
	 */
	public List<StuckJob> failStuck(Duration maxRunning, Duration maxSilence) {
		Instant now = clock.instant();
		Instant startedBefore = now.minus(maxRunning);
		List<StuckJob> failed = new ArrayList<>();
		for (ProcessingJob job : jobs.findRunningStuck(startedBefore, now.minus(maxSilence))) {
			String reason = job.startedAt() != null && !job.startedAt().isAfter(startedBefore)
					? "The job ran for more than " + hours(maxRunning)
							+ " (STUCK_JOB_THRESHOLD_HOURS) and was stopped by the watchdog; reprocess the video to try again."
					: "The job's worker " + job.workerHostname() + " sent no heartbeat for more than "
							+ minutes(maxSilence) + " (STUCK_JOB_SILENCE_MINUTES) and the watchdog stopped the job; "
							+ "reprocess the video to try again.";
			if (outcomes.fail(job, reason, null, true)) {
				failed.add(new StuckJob(job.id(), job.videoId(), job.workerHostname(), reason));
				log.warn("Watchdog failed processing job {} of video {}: {}", job.id(), job.videoId(), reason);
			}
		}
		return failed;
	}

	private static String hours(Duration duration) {
		return BigDecimal.valueOf(duration.toSeconds()).divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_UP)
			.stripTrailingZeros().toPlainString() + " h";
	}

	private static String minutes(Duration duration) {
		return BigDecimal.valueOf(duration.toSeconds()).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP)
			.stripTrailingZeros().toPlainString() + " min";
	}

	/**
	 * Stops every job of the video, of every type: a waiting one never starts, a running one is
	 * stopped within seconds by its worker.
	 * @return how many were stopped
	 */
	int cancelAll(UUID videoId, String reason) {
		int cancelled = 0;
		for (UUID jobId : jobs.findActive(videoId)) {
			if (jobs.transition(jobId, JobStatus.PENDING, JobStatus.CANCELLED, reason, clock.instant())
					|| jobs.transition(jobId, JobStatus.RUNNING, JobStatus.CANCELLED, reason, clock.instant())) {
				cancelled++;
			}
		}
		return cancelled;
	}

}
