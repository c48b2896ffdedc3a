package com.spatialintel.video.evidence;

import java.util.UUID;

import org.jobrunr.jobs.lambdas.JobRequest;

/** What the queue stores for an export: only the id of its {@code evidence_exports} row. */
public record ExportJobRequest(UUID exportId) implements JobRequest {

	@Override
	public Class<ExportJobRunner> getJobRequestHandler() {
		return ExportJobRunner.class;
	}

}
