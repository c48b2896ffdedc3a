package com.spatialintel.video.evidence;

import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.lambdas.JobRequestHandler;

import org.springframework.stereotype.Component;

/**
 * Runs the {@code export} job on a worker. S3 being away is thrown, so that the queue retries with
 * back-off; every other outcome is settled in {@code evidence_exports}.
 */
@Component
public class ExportJobRunner implements JobRequestHandler<ExportJobRequest> {

	private final ExportMaker maker;

	ExportJobRunner(ExportMaker maker) {
		this.maker = maker;
	}

	@Override
	@Job(name = "Evidence export %0", labels = "export", retries = 3)
	public void run(ExportJobRequest request) {
		maker.run(request.exportId());
	}

}
