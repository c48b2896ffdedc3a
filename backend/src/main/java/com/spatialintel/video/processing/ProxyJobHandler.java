package com.spatialintel.video.processing;

import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.lambdas.JobRequestHandler;

import org.springframework.stereotype.Component;

/**
 * Runs a proxy job taken from the queue. A transient failure is thrown so that the queue retries it
 * with back-off (3 retries); everything else is settled in {@code processing_jobs} and returns.
 */
@Component
public class ProxyJobHandler implements JobRequestHandler<ProxyJobRequest> {

	private final ProxyPipeline pipeline;

	ProxyJobHandler(ProxyPipeline pipeline) {
		this.pipeline = pipeline;
	}

	@Override
	@Job(name = "Proxy %0", labels = "video_processing", retries = 3)
	public void run(ProxyJobRequest request) {
		pipeline.run(request.processingJobId());
	}

}
