package com.spatialintel.video.watchdog;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import com.spatialintel.video.processing.ProcessingJobFailed;

import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Component;

/**
 * Counts every job that failed for good ({@code jobs_failed_total}) and alerts once per job the
 * pipeline gave up on; jobs the watchdog stopped are listed in that run's own alert instead.
 */
@Component
class JobFailureAlerts {

	private final AlertSender alerts;

	private final Counter failedByPipeline;

	private final Counter failedByWatchdog;

	JobFailureAlerts(AlertSender alerts, MeterRegistry meters) {
		this.alerts = alerts;
		this.failedByPipeline = failed(meters, "pipeline");
		this.failedByWatchdog = failed(meters, "watchdog");
	}

	private static Counter failed(MeterRegistry meters, String stoppedBy) {
		return Counter.builder("jobs.failed")
			.description("Processing jobs that failed for good")
			.tag("stopped_by", stoppedBy)
			.register(meters);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(ProcessingJobFailed failed) {
		if (failed.byWatchdog()) {
			failedByWatchdog.increment();
			return;
		}
		failedByPipeline.increment();
		Map<String, String> details = new LinkedHashMap<>();
		details.put("job_id", failed.jobId().toString());
		details.put("video_id", failed.videoId().toString());
		details.put("reason", failed.reason());
		alerts.send(new Alert("job_failed", "Processing job " + failed.jobId() + " failed: " + failed.reason(), details));
	}

}
