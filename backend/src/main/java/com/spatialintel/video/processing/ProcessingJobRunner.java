package com.spatialintel.video.processing;

import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.lambdas.JobRequestHandler;

import org.springframework.stereotype.Component;

/**
 * Runs a processing job taken from the queue. A transient failure is thrown so that the queue
 * retries it with back-off (3 retries); everything else is settled in {@code processing_jobs} and returns.
 */
@Component
public class ProcessingJobRunner implements JobRequestHandler<ProcessingJobRequest> {

	private final JobExecution execution;

	ProcessingJobRunner(JobExecution execution) {
		this.execution = execution;
	}

	@Override
	@Job(name = "Processing job %0", labels = "video_processing", retries = 3)
	public void run(ProcessingJobRequest request) {
		execution.run(request.processingJobId());
	}

}
