package com.spatialintel.video.processing;

import java.util.UUID;

import org.jobrunr.jobs.lambdas.JobRequest;

/** What the queue stores for a processing job of any type: only the id of its {@code processing_jobs} row. */
public record ProcessingJobRequest(UUID processingJobId) implements JobRequest {

	@Override
	public Class<ProcessingJobRunner> getJobRequestHandler() {
		return ProcessingJobRunner.class;
	}

}
