package com.spatialintel.video.watchdog;

import org.jobrunr.jobs.lambdas.JobRequest;

/** The recurring job's request; it carries nothing: every run looks at the state as it is. */
public record WatchdogJobRequest() implements JobRequest {

	@Override
	public Class<WatchdogJobHandler> getJobRequestHandler() {
		return WatchdogJobHandler.class;
	}

}
