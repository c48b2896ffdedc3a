package com.spatialintel.video.processing;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.jobrunr.scheduling.JobRequestScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.spatialintel.video.video.Videos;

import org.springframework.stereotype.Service;

/** What other modules may do with processing jobs. */
@Service
public class ProcessingJobs {

	private static final Logger log = LoggerFactory.getLogger(ProcessingJobs.class);

	private final ProcessingJobRepository jobs;

	private final JobRequestScheduler queue;

	private final Videos videos;

	private final Clock clock;

	ProcessingJobs(ProcessingJobRepository jobs, JobRequestScheduler queue, Videos videos, Clock clock) {
		this.jobs = jobs;
		this.queue = queue;
		this.videos = videos;
		this.clock = clock;
	}

	/** Records a job that waits for a worker; joins the caller's transaction. */
	public UUID createPending(UUID videoId, JobType type) {
		UUID jobId = UUID.randomUUID();
		jobs.insertPending(jobId, videoId, type, clock.instant());
		return jobId;
	}

	/**
	 * Hands a committed pending job to the queue, under its own id, so handing it twice queues it
	 * once. When the queue cannot be reached the job stays pending and this says so in the log.
	 */
	public void enqueue(UUID jobId) {
		ProcessingJob job = jobs.find(jobId).orElseThrow();
		try {
			String taskId = queue.enqueue(jobId, new ProxyJobRequest(jobId)).toString();
			jobs.setTaskId(jobId, taskId);
			videos.markQueued(job.videoId());
		}
		catch (RuntimeException ex) {
			log.error("Processing job {} could not be queued and stays pending", jobId, ex);
		}
	}

	public Optional<ProcessingJob> find(UUID jobId) {
		return jobs.find(jobId);
	}

	/** Stops a job: a waiting one never starts, a running one is stopped within seconds by its worker. */
	public boolean cancel(UUID jobId, String reason) {
		return jobs.transition(jobId, JobStatus.PENDING, JobStatus.CANCELLED, reason, clock.instant())
				|| jobs.transition(jobId, JobStatus.RUNNING, JobStatus.CANCELLED, reason, clock.instant());
	}

}
