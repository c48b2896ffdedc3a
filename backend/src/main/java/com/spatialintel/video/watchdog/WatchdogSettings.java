package com.spatialintel.video.watchdog;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param cron when the recurring run starts ({@code WATCHDOG_CRON}, six fields with seconds, in the
 * server's time zone)
 * @param stuckJobThresholdHours a running job older than this is failed ({@code STUCK_JOB_THRESHOLD_HOURS})
 * @param stuckJobSilenceMinutes a running job without a heartbeat for this long is failed
 * ({@code STUCK_JOB_SILENCE_MINUTES})
 */
@ConfigurationProperties("app.watchdog")
record WatchdogSettings(@DefaultValue("0 0 3 * * *") String cron, @DefaultValue("4") double stuckJobThresholdHours,
		@DefaultValue("10") double stuckJobSilenceMinutes) {

	WatchdogSettings {
		if (stuckJobThresholdHours <= 0) {
			throw new IllegalArgumentException("STUCK_JOB_THRESHOLD_HOURS must be more than 0, not " + stuckJobThresholdHours + ".");
		}
		if (stuckJobSilenceMinutes <= 0) {
			throw new IllegalArgumentException("STUCK_JOB_SILENCE_MINUTES must be more than 0, not " + stuckJobSilenceMinutes + ".");
		}
	}

	Duration stuckJobThreshold() {
		return Duration.ofSeconds(Math.round(stuckJobThresholdHours * 3600));
	}

	Duration stuckJobSilence() {
		return Duration.ofSeconds(Math.round(stuckJobSilenceMinutes * 60));
	}

}
