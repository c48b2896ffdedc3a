package com.spatialintel.video.processing;

import java.util.UUID;

import org.jobrunr.jobs.lambdas.JobRequest;

/** What the queue stores for a proxy job: only the id of its {@code processing_jobs} row. */
public record ProxyJobRequest(UUID processingJobId) implements JobRequest {

	@Override
	public Class<ProxyJobHandler> getJobRequestHandler() {
		return ProxyJobHandler.class;
	}

}
