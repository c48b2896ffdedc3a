package com.spatialintel.video.jobqueue;

import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.BackgroundJobServerConfiguration;
import org.jobrunr.server.JobActivator;
import org.jobrunr.server.JobSteward;
import org.jobrunr.server.tasks.steward.OnboardNewWorkTask;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.utils.mapper.JsonMapper;

/**
 * JobRunr's job server with one more door: {@link #fetchNow()} looks for enqueued jobs at once, as
 * its own poll does every {@code poll-interval-in-seconds}. It goes through JobRunr's internals
 * (the steward's {@link OnboardNewWorkTask}, the same instance and lock the poll uses, reached by
 * overriding {@link #createJobSteward()}), so the JobRunr version is pinned in the pom and
 * {@code JobWakeUpTests} fails when an upgrade breaks it.
 */
class WakeableJobServer extends BackgroundJobServer {

	WakeableJobServer(StorageProvider storage, JsonMapper jsonMapper, JobActivator activator,
			BackgroundJobServerConfiguration configuration) {
		super(storage, jsonMapper, activator, configuration);
	}

	@Override
	protected JobSteward createJobSteward() {
		return new Steward(this);
	}

	/**
	 * Hands this server's idle workers the jobs enqueued now. Does nothing while the server is not
	 * running, and when the poll is fetching at this moment (the caller fetches again shortly after:
	 * {@link JobWakeUp}).
	 */
	void fetchNow() {
		if (isRunning()) {
			((Steward) getJobSteward()).fetchNow();
		}
	}

	private static final class Steward extends JobSteward {

		private final OnboardNewWorkTask onboard;

		Steward(BackgroundJobServer server) {
			super(server);
			this.onboard = getTaskOfType(OnboardNewWorkTask.class);
		}

		void fetchNow() {
			onboard.runTaskThreadSafe();
		}

	}

}
