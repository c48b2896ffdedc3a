package com.spatialintel.video.watchdog;

import java.time.ZoneId;

import org.jobrunr.scheduling.JobRequestScheduler;
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

	private static final Logger log = LoggerFactory.getLogger(WatchdogSchedule.class);

	private final JobRequestScheduler scheduler;

	private final WatchdogSettings settings;

	WatchdogSchedule(JobRequestScheduler scheduler, WatchdogSettings settings) {
		this.scheduler = scheduler;
		this.settings = settings;
	}

	@Override
	public void afterSingletonsInstantiated() {
		try {
			scheduler.scheduleRecurrently(RECURRING_JOB_ID, settings.cron(), ZoneId.systemDefault(), new WatchdogJobRequest());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("WATCHDOG_CRON \"" + settings.cron()
					+ "\" is not a cron expression JobRunr accepts (e.g. 0 0 3 * * * for 03:00 every day): " + ex.getMessage(), ex);
		}
		log.info("Watchdog scheduled: {} ({})", settings.cron(), ZoneId.systemDefault());
	}

}
