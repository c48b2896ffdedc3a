package com.spatialintel.video.watchdog;

import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.lambdas.JobRequestHandler;

import org.springframework.stereotype.Component;

/** The scheduled trigger: JobRunr creates one job per schedule for the whole cluster. */
@Component
public class WatchdogJobHandler implements JobRequestHandler<WatchdogJobRequest> {

	private final Watchdog watchdog;

	WatchdogJobHandler(Watchdog watchdog) {
		this.watchdog = watchdog;
	}

	@Override
	@Job(name = "Watchdog: stuck uploads, stuck jobs, orphaned multipart uploads", retries = 1)
	public void run(WatchdogJobRequest request) {
		watchdog.run();
	}

}
