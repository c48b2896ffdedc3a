package com.spatialintel.video.watchdog;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.spatialintel.video.database.ClusterLock;
import com.spatialintel.video.errors.ConflictException;
import com.spatialintel.video.processing.ProcessingJobs;
import com.spatialintel.video.processing.StuckJob;
import com.spatialintel.video.upload.AbandonedUploads;

import org.springframework.stereotype.Service;

/**
 * The one watchdog run behind both triggers (the schedule and the admin endpoint): abandoned uploads, orphaned multipart
 * uploads, orphaned objects, stuck jobs and jobs that never reached the queue; then one alert when it
 * cleaned anything. Runs never overlap across the
 * cluster ({@link ClusterLock}); a second trigger waits for the first and then finds nothing left,
 * so nothing is aborted or alerted twice.
 */
@Service
public class Watchdog {

	private static final Logger log = LoggerFactory.getLogger(Watchdog.class);

	static final String LOCK = "watchdog";

	/** Longer than any run takes; a node that dies mid-run blocks the next run this long at most. */
	static final Duration LEASE = Duration.ofMinutes(10);

	static final Duration WAIT_FOR_OTHER_RUN = Duration.ofSeconds(30);

	private static final int LISTED_JOBS = 10;

	private final AbandonedUploads uploads;

	private final ProcessingJobs jobs;

	private final ClusterLock lock;

	private final AlertSender alerts;

	private final WatchdogSettings settings;

	private final Clock clock;

	private final Counter stuckUploads;

	private final Counter stuckJobs;

	private final Counter orphanUploads;

	private final Counter orphanObjects;

	private final Counter unqueuedJobs;

	Watchdog(AbandonedUploads uploads, ProcessingJobs jobs, ClusterLock lock, AlertSender alerts,
			WatchdogSettings settings, Clock clock, MeterRegistry meters) {
		this.uploads = uploads;
		this.jobs = jobs;
		this.lock = lock;
		this.alerts = alerts;
		this.settings = settings;
		this.clock = clock;
		this.stuckUploads = cleaned(meters, "stuck_upload");
		this.stuckJobs = cleaned(meters, "stuck_job");
		this.orphanUploads = cleaned(meters, "orphan_upload");
		this.orphanObjects = cleaned(meters, "orphan_object");
		this.unqueuedJobs = cleaned(meters, "unqueued_job");
	}

	private static Counter cleaned(MeterRegistry meters, String kind) {
		return Counter.builder("watchdog.cleaned")
			.description("Items the watchdog cleaned up")
			.tag("kind", kind)
			.register(meters);
	}

	/** @throws ConflictException when another run held the lock for longer than {@link #WAIT_FOR_OTHER_RUN} */
	public WatchdogReport run() {
		String holder = acquire();
		try {
			int failedUploads = uploads.failAbandoned();
			int orphans = uploads.abortOrphans();
			int orphanObjects = uploads.deleteOrphanObjects();
			List<StuckJob> failedJobs = jobs.failStuck(settings.stuckJobThreshold(), settings.stuckJobSilence());
			int requeued = jobs.requeueUnqueued(settings.stuckJobSilence());
			WatchdogReport report = new WatchdogReport(failedUploads, failedJobs.size(), orphans, orphanObjects, requeued,
					clock.instant());
			stuckUploads.increment(failedUploads);
			orphanUploads.increment(orphans);
			this.orphanObjects.increment(orphanObjects);
			stuckJobs.increment(failedJobs.size());
			unqueuedJobs.increment(requeued);
			log.info("Watchdog run: {} stuck uploads, {} stuck jobs, {} orphaned multipart uploads, {} orphaned objects, "
					+ "{} jobs queued again", failedUploads, failedJobs.size(), orphans, orphanObjects, requeued);
			if (report.cleanedAnything()) {
				alerts.send(alert(report, failedJobs));
			}
			return report;
		}
		finally {
			lock.unlock(LOCK, holder);
		}
	}

	private String acquire() {
		long deadline = System.nanoTime() + WAIT_FOR_OTHER_RUN.toNanos();
		while (true) {
			Optional<String> holder = lock.tryLock(LOCK, LEASE);
			if (holder.isPresent()) {
				return holder.get();
			}
			if (System.nanoTime() > deadline) {
				throw new ConflictException("The watchdog is already running on another node; try again in a minute.");
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new ConflictException("The watchdog run was interrupted while waiting for another run to end.");
			}
		}
	}

	private Alert alert(WatchdogReport report, List<StuckJob> failedJobs) {
		Map<String, String> details = new LinkedHashMap<>();
		details.put("stuck_uploads_cleaned", String.valueOf(report.stuckUploadsCleaned()));
		details.put("stuck_jobs_cleaned", String.valueOf(report.stuckJobsCleaned()));
		details.put("orphan_uploads_aborted", String.valueOf(report.orphanUploadsAborted()));
		details.put("orphan_objects_deleted", String.valueOf(report.orphanObjectsDeleted()));
		details.put("unqueued_jobs_requeued", String.valueOf(report.unqueuedJobsRequeued()));
		details.put("cleaned_at", report.cleanedAt().toString());
		failedJobs.stream()
			.limit(LISTED_JOBS)
			.forEach(job -> details.put("job " + job.jobId(), "video " + job.videoId() + ": " + job.reason()));
		String summary = "Watchdog cleaned %d stuck upload(s), %d stuck job(s) and %d orphaned multipart upload(s)%s%s."
			.formatted(report.stuckUploadsCleaned(), report.stuckJobsCleaned(), report.orphanUploadsAborted(),
					report.orphanObjectsDeleted() == 0 ? ""
							: ", deleted " + report.orphanObjectsDeleted() + " object(s) no video row pointed at",
					report.unqueuedJobsRequeued() == 0 ? ""
							: ", and queued again " + report.unqueuedJobsRequeued() + " job(s) the queue never received");
		return new Alert("watchdog_cleanup", summary, details);
	}

}
