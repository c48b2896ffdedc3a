package com.spatialintel.video.watchdog;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The defaults are in {@code application.yml}, next to the environment variables.
 * @param cron when the recurring run starts ({@code WATCHDOG_CRON}, six fields with seconds, in the
 * server's time zone)
 * @param stuckJobThreshold a running job older than this is failed ({@code STUCK_JOB_THRESHOLD_HOURS})
 * @param stuckJobSilence a running job without a heartbeat for this long is failed
 * ({@code STUCK_JOB_SILENCE_MINUTES})
 * @param queueStall the oldest waiting job waited this long with no job started meanwhile: the queue
 * has stalled ({@code QUEUE_STALL_MINUTES})
 */
@Validated
@ConfigurationProperties("app.watchdog")
record WatchdogSettings(@NotBlank(message = "WATCHDOG_CRON must name a schedule.") String cron,
		@DurationMin(nanos = 0, inclusive = false,
				message = "STUCK_JOB_THRESHOLD_HOURS must be more than 0.") Duration stuckJobThreshold,
		@DurationMin(nanos = 0, inclusive = false,
				message = "STUCK_JOB_SILENCE_MINUTES must be more than 0.") Duration stuckJobSilence,
		@DurationMin(nanos = 0, inclusive = false,
				message = "QUEUE_STALL_MINUTES must be more than 0.") Duration queueStall) {

}
