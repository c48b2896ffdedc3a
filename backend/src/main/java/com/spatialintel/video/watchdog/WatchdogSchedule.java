package com.spatialintel.video.watchdog;

import java.time.ZoneId;

import org.jobrunr.scheduling.JobRequestScheduler;
import org.jobrunr.storage.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Registers the recurring watchdog job under a fixed id on every start, so a changed
 * {@code WATCHDOG_CRON} replaces the old schedule instead of adding a second one.
 */
@Component
class WatchdogSchedule implements SmartInitializingSingleton {

	static final String RECURRING_JOB_ID = "watchdog";

	static final int REGISTRATION_ATTEMPTS = 3;

	private static final Logger log = LoggerFactory.getLogger(WatchdogSchedule.class);

	private final JobRequestScheduler scheduler;

	private final WatchdogSettings settings;

	WatchdogSchedule(JobRequestScheduler scheduler, WatchdogSettings settings) {
		this.scheduler = scheduler;
		this.settings = settings;
	}

	/**
	 * JobRunr saves a recurring job by looking for its row and then inserting it; two nodes starting
	 * together on an empty database both insert, and one failed its start-up with a duplicate key
	 * (ComposeTopologyIT, 2026-12-02). Registering again then finds the other node's row and updates it.
	 */
	@Override
	public void afterSingletonsInstantiated() {
		for (int attempt = 1;; attempt++) {
			try {
				scheduler.scheduleRecurrently(RECURRING_JOB_ID, settings.cron(), ZoneId.systemDefault(),
						new WatchdogJobRequest());
				break;
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException("WATCHDOG_CRON \"" + settings.cron()
						+ "\" is not a cron expression JobRunr accepts (e.g. 0 0 3 * * * for 03:00 every day): "
						+ ex.getMessage(), ex);
			}
			catch (StorageException raced) {
				if (attempt == REGISTRATION_ATTEMPTS) {
					throw raced;
				}
				log.info("The watchdog's schedule was being registered by another node at the same moment; registering again");
			}
		}
		log.info("Watchdog scheduled: {} ({})", settings.cron(), ZoneId.systemDefault());
	}

}
