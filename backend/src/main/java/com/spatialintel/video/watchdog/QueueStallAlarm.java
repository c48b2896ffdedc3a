package com.spatialintel.video.watchdog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.spatialintel.video.database.DbTime;
import com.spatialintel.video.processing.JobQueueState;
import com.spatialintel.video.processing.ProcessingJobs;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Says when jobs wait and no worker takes them (no worker runs, every worker's job server is down,
 * a worker fails before it starts anything): every minute each node looks at
 * the queue and sets the gauge {@code jobs_waiting_oldest_seconds}. When the oldest waiting job has
 * waited longer than {@code QUEUE_STALL_MINUTES}, no job started meanwhile and no running job sent a
 * heartbeat in that time (busy workers are slow, not stalled), one alert goes out; once a job starts
 * again, or none waits, one "recovered" message. Which node sends each is decided by a conditional
 * update of the one row of {@code queue_stall_alert}, so each goes out once across the cluster.
 */
@Component
class QueueStallAlarm {

	private static final Logger log = LoggerFactory.getLogger(QueueStallAlarm.class);

	private final ProcessingJobs jobs;

	private final JdbcClient jdbc;

	private final AlertSender alerts;

	private final WatchdogSettings settings;

	private final Clock clock;

	private final AtomicLong oldestWaitSeconds = new AtomicLong();

	QueueStallAlarm(ProcessingJobs jobs, JdbcClient jdbc, AlertSender alerts, WatchdogSettings settings,
			Clock clock, MeterRegistry meters) {
		this.jobs = jobs;
		this.jdbc = jdbc;
		this.alerts = alerts;
		this.settings = settings;
		this.clock = clock;
		Gauge.builder("jobs.waiting.oldest", oldestWaitSeconds, AtomicLong::get)
			.description("How long the longest-waiting processing job has waited for a worker (0: none waits)")
			.baseUnit("seconds")
			.register(meters);
	}

	@Scheduled(fixedDelayString = "${app.watchdog.queue-stall-check-every:60s}",
			initialDelayString = "${app.watchdog.queue-stall-check-every:60s}")
	void checkQuietly() {
		try {
			check();
		}
		catch (RuntimeException ex) {
			// the database away: the job server's own supervision and health say so; try next time
			log.debug("The stalled-queue check could not look at the queue", ex);
		}
	}

	void check() {
		Instant now = clock.instant();
		JobQueueState queue = jobs.queueState();
		Duration waited = queue.oldestWaitingSince() == null ? Duration.ZERO
				: Duration.between(queue.oldestWaitingSince(), now);
		oldestWaitSeconds.set(Math.max(0, waited.toSeconds()));
		if (isStalled(queue, waited, now)) {
			boolean first = jdbc.sql("UPDATE queue_stall_alert SET alerted_at = ?, waiting_since = ? WHERE id = 1 AND alerted_at IS NULL")
				.params(DbTime.of(now), DbTime.of(queue.oldestWaitingSince()))
				.update() == 1;
			if (first) {
				alerts.send(stalled(queue, waited));
			}
		}
		else if (queue.waiting() == 0 || moved(queue)) {
			Instant since = jdbc.sql("SELECT waiting_since FROM queue_stall_alert WHERE id = 1 AND alerted_at IS NOT NULL")
				.query((rs, row) -> DbTime.read(rs, "waiting_since"))
				.optional()
				.orElse(null);
			boolean first = since != null
					&& jdbc.sql("UPDATE queue_stall_alert SET alerted_at = NULL, waiting_since = NULL WHERE id = 1 AND alerted_at IS NOT NULL")
						.update() == 1;
			if (first) {
				alerts.send(recovered(queue, since, now));
			}
		}
	}

	private boolean isStalled(JobQueueState queue, Duration waited, Instant now) {
		if (queue.waiting() == 0 || waited.compareTo(settings.queueStall()) <= 0) {
			return false;
		}
		boolean workerBusy = queue.lastHeartbeat() != null && queue.lastHeartbeat().isAfter(now.minus(settings.queueStall()));
		return !moved(queue) && !workerBusy;
	}

	/** A job started after the oldest waiting one began to wait. */
	private static boolean moved(JobQueueState queue) {
		return queue.lastStarted() != null && queue.lastStarted().isAfter(queue.oldestWaitingSince());
	}

	private Alert stalled(JobQueueState queue, Duration waited) {
		Map<String, String> details = new LinkedHashMap<>();
		details.put("jobs_waiting", String.valueOf(queue.waiting()));
		details.put("oldest_waiting_since", queue.oldestWaitingSince().toString());
		details.put("last_job_started_at", queue.lastStarted() == null ? "never" : queue.lastStarted().toString());
		return new Alert("queue_stalled", ("Processing has stalled: %d job(s) wait for a worker, the oldest since %s (%s), "
				+ "and no job started meanwhile. Check that a worker runs (APP_ROLE=worker or all), that its JobRunr is UP "
				+ "in /actuator/health, and that it can write its work folder.")
			.formatted(queue.waiting(), queue.oldestWaitingSince(),
					waited.toMinutes() > 0 ? waited.toMinutes() + " min" : waited.toSeconds() + " s"), details);
	}

	private static Alert recovered(JobQueueState queue, Instant stalledSince, Instant now) {
		Map<String, String> details = new LinkedHashMap<>();
		details.put("jobs_waiting", String.valueOf(queue.waiting()));
		details.put("stalled_since", stalledSince.toString());
		details.put("recovered_at", now.toString());
		return new Alert("queue_recovered", "Processing has recovered: jobs start again (%d job(s) still wait); it had stalled since %s."
			.formatted(queue.waiting(), stalledSince), details);
	}

}
