package com.spatialintel.video.watchdog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jobrunr.jobs.RecurringJob;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.storage.StorageProvider;

import com.spatialintel.video.processing.JobType;
import com.spatialintel.video.processing.ProcessingJobFailed;
import com.spatialintel.video.storage.MultipartUploads;
import com.spatialintel.video.storage.ObjectStorage;
import com.spatialintel.video.storage.PendingMultipartUpload;
import com.spatialintel.video.testing.ApiClient;
import com.spatialintel.video.testing.ApiResponse;
import com.spatialintel.video.testing.IntegrationTest;
import com.spatialintel.video.testing.MutableClock;
import com.spatialintel.video.testing.Rows;
import com.spatialintel.video.testing.TenantFixture;
import com.spatialintel.video.testing.TestDatabase;
import com.spatialintel.video.testing.TestVideos;
import com.spatialintel.video.video.DeletionVeto;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The watchdog against PostgreSQL, Redis and S3Proxy, with the app's clock moved by the test
 * instead of sleeping; Slack's webhook and Sentry's ingest host are real HTTP servers on loopback.
 */
@IntegrationTest
@Import(WatchdogTests.MovableTime.class)
// no worker (APP_ROLE=web): the jobs these tests write as rows have no original to process, and
// a job queued again stays in the queue where the test looks for it
@TestPropertySource(properties = { "WATCHDOG_CRON=0 30 4 * * *", "STUCK_UPLOAD_THRESHOLD_HOURS=6",
		"STUCK_JOB_THRESHOLD_HOURS=4", "STUCK_JOB_SILENCE_MINUTES=10", "ALERT_ENVIRONMENT=test", "APP_ROLE=web" })
class WatchdogTests extends TenantFixture {

	static final MutableClock CLOCK = new MutableClock(Instant.now());

	static final LoopbackReceiver SLACK = new LoopbackReceiver("/hook", "ok");

	static final LoopbackReceiver SENTRY = new LoopbackReceiver("/api/7/envelope/", "{}");

	@TestConfiguration
	static class MovableTime {

		@Bean
		@Primary
		MutableClock movableClock() {
			return CLOCK;
		}

		/** Keeps the videos in {@link #HELD}, as a legal hold will. */
		@Bean
		DeletionVeto heldForTests() {
			return (videoId, cause) -> HELD.contains(videoId)
					? Optional.of("Video " + videoId + " is held (" + cause + ") and cannot be deleted.") : Optional.empty();
		}

	}

	static final Set<UUID> HELD = ConcurrentHashMap.newKeySet();

	/** Every item the watchdog sees must be this class's own: a database of its own. */
	@DynamicPropertySource
	static void ownDatabaseAndAlertTargets(DynamicPropertyRegistry registry) {
		String url = TestDatabase.createForSession("siv_watchdog");
		registry.add("spring.datasource.url", () -> url);
		registry.add("SLACK_WEBHOOK_URL", () -> SLACK.url("/hook"));
		registry.add("SENTRY_DSN", () -> "http://0123456789abcdef@127.0.0.1:" + SENTRY.port() + "/7");
	}

	@AfterAll
	static void stopReceivers() {
		SLACK.close();
		SENTRY.close();
	}

	@Autowired
	Watchdog watchdog;

	@Autowired
	ObjectStorage storage;

	@Autowired
	MultipartUploads multipart;

	@Autowired
	JdbcClient jdbc;

	Rows rows;

	@TempDir
	Path temp;

	@Autowired
	StorageProvider jobStorage;

	@Autowired
	ApplicationEventPublisher events;

	/** Whatever earlier tests left is cleaned first, so each test counts only its own items. */
	@Override
	protected void beforeTenant() {
		rows = new Rows(jdbc, CLOCK);
		CLOCK.advance(Duration.ofDays(2));
		watchdog.run();
		SLACK.down = false;
		SLACK.clear();
		SENTRY.clear();
	}

	@Test
	void abandonedUploadsAreFailedAndAborted() {
		UUID first = initiate();
		UUID second = initiate();
		String firstUpload = s3UploadId(first);
		String secondUpload = s3UploadId(second);
		CLOCK.advance(Duration.ofHours(6).plusMinutes(1));
		UUID fresh = initiate();

		ApiResponse report = api.post("/api/admin/cleanup-stuck-jobs", admin, Map.of());

		assertThat(report.status()).isEqualTo(200);
		assertThat(report.body().path("stuck_uploads_cleaned").asInt()).isEqualTo(2);
		assertThat(report.body().path("stuck_jobs_cleaned").asInt()).isZero();
		assertThat(report.body().path("orphan_uploads_aborted").asInt()).isZero();
		assertThat(Instant.parse(report.text("cleaned_at"))).isEqualTo(CLOCK.instant());
		for (UUID video : List.of(first, second)) {
			JsonAssert details = details(video);
			assertThat(details.text("upload_status")).isEqualTo("failed");
			assertThat(details.text("processing_error")).isEqualTo("upload abandoned after 6 h");
			ApiResponse parts = api.get(uploads.path("/" + video + "/parts"), admin);
			assertThat(parts.status()).isEqualTo(409);
			assertThat(parts.detail()).contains("no longer in progress");
			ApiResponse complete = uploads.completeWithoutReceipts(video);
			assertThat(complete.status()).isEqualTo(409);
			assertThat(complete.detail())
				.isEqualTo("This upload failed: upload abandoned after 6 h. Start it again with POST …/uploads/initiate.");
		}
		assertThat(pendingUploadIds()).doesNotContain(firstUpload, secondUpload).contains(s3UploadId(fresh));
		assertThat(details(fresh).text("upload_status")).isEqualTo("uploading");
	}

	@Test
	void aMultipartUploadNoRowKnowsIsAbortedAndOneAlertGoesToSlackAndSentry() {
		String key = "orphans/" + UUID.randomUUID() + "/original.mp4";
		String orphan = multipart.start(key, "video/mp4");
		initiate();
		CLOCK.advance(Duration.ofHours(7));

		WatchdogReport report = watchdog.run();

		assertThat(report.orphanUploadsAborted()).isEqualTo(1);
		assertThat(report.stuckUploadsCleaned()).isEqualTo(1);
		assertThat(pendingUploadIds()).doesNotContain(orphan);
		assertThat(SLACK.bodies()).hasSize(1);
		assertThat(SLACK.bodies().get(0)).contains("Watchdog cleaned 1 stuck upload(s), 0 stuck job(s) and 1 orphaned multipart upload(s).")
			.contains("(test)");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(SENTRY.bodies()).anySatisfy(body -> assertThat(body)
				.contains("Watchdog cleaned 1 stuck upload(s)")
				.contains("watchdog_cleanup")));
		assertThat(watchdog.run().orphanUploadsAborted()).isZero();
		assertThat(SLACK.bodies()).as("a run that cleaned nothing sends nothing").hasSize(1);
	}

	/** What a node that stopped between assembling an upload and recording it leaves: an object without a row. */
	@Test
	void anObjectNoVideoRowPointsAtIsDeletedOnceItIsOld() throws Exception {
		Rows.VideoRow kept = rows.video(mallId, pinId);
		kept.insert();
		String keptKey = kept.originalKey();
		String orphanKey = mallId + "/" + pinId + "/" + UUID.randomUUID() + "/original.mp4";
		String notOurs = "exports/" + UUID.randomUUID() + "/original.mp4";
		Path bytes = Files.write(temp.resolve("original.mp4"), new byte[4096]);
		storage.upload(keptKey, bytes, "video/mp4");
		storage.upload(orphanKey, bytes, "video/mp4");
		storage.upload(notOurs, bytes, "video/mp4");

		CLOCK.advance(Duration.ofHours(6).plusMinutes(1));
		WatchdogReport report = watchdog.run();

		assertThat(report.orphanObjectsDeleted()).isEqualTo(1);
		assertThat(storage.head(orphanKey)).isEmpty();
		assertThat(storage.head(keptKey)).isPresent();
		assertThat(storage.head(notOurs)).as("keys not laid out as mall/pin/video/file are not ours").isPresent();
		assertThat(SLACK.bodies()).anySatisfy(body -> assertThat(body)
			.contains("deleted 1 object(s) no video row pointed at"));
	}

	@Test
	void aVideoAVetoKeepsIsNeitherDeletedThroughTheApiNorSweptAsAnOrphan() throws Exception {
		Rows.VideoRow kept = rows.video(mallId, pinId);
		UUID keptId = kept.insert();
		UUID orphanId = UUID.randomUUID();
		String orphanKey = mallId + "/" + pinId + "/" + orphanId + "/original.mp4";
		Path bytes = Files.write(temp.resolve("original.mp4"), new byte[4096]);
		storage.upload(kept.originalKey(), bytes, "video/mp4");
		storage.upload(orphanKey, bytes, "video/mp4");
		HELD.addAll(List.of(keptId, orphanId));
		try {
			ApiResponse refused = api.delete("/api/videos/" + keptId, admin);

			assertThat(refused.status()).isEqualTo(409);
			assertThat(refused.detail()).isEqualTo("Video " + keptId + " is held (REQUESTED) and cannot be deleted.");
			assertThat(api.get("/api/videos/" + keptId, admin).status()).as("not hidden either").isEqualTo(200);
			assertThat(storage.head(kept.originalKey())).isPresent();

			CLOCK.advance(Duration.ofHours(6).plusMinutes(1));
			assertThat(watchdog.run().orphanObjectsDeleted()).isZero();
			assertThat(storage.head(orphanKey)).isPresent();
		}
		finally {
			HELD.clear();
		}
		assertThat(api.delete("/api/videos/" + keptId, admin).status()).isEqualTo(204);
		assertThat(watchdog.run().orphanObjectsDeleted()).isEqualTo(1);
		assertThat(storage.head(orphanKey)).isEmpty();
	}

	@Test
	void runningJobsAreFailedByAgeAndBySilenceAndCanBeProcessedAgain() {
		Instant now = CLOCK.instant();
		UUID tooOld = runningJob(now.minus(Duration.ofHours(4).plusMinutes(5)), now.minusSeconds(30));
		UUID silent = runningJob(now.minus(Duration.ofMinutes(30)), now.minus(Duration.ofMinutes(11)));
		UUID healthy = runningJob(now.minus(Duration.ofMinutes(30)), now.minusSeconds(5));

		WatchdogReport report = watchdog.run();

		assertThat(report.stuckJobsCleaned()).isEqualTo(2);
		assertThat(job(tooOld).text("status")).isEqualTo("failed");
		assertThat(job(tooOld).text("error_message")).contains("ran for more than 4 h");
		assertThat(job(silent).text("error_message")).contains("no heartbeat for more than 10 min");
		assertThat(job(healthy).text("status")).isEqualTo("running");
		UUID video = UUID.fromString(job(silent).text("video_id"));
		assertThat(details(video).text("processing_status")).isEqualTo("failed");
		assertThat(details(video).text("processing_error")).contains("no heartbeat for more than 10 min");
		assertThat(SLACK.bodies()).hasSize(1);
		assertThat(SLACK.bodies().get(0)).contains("2 stuck job(s)").contains(silent.toString());

		String viewer = api.tokenFor(admin, "VIEWER", mallId);
		String operator = api.tokenFor(admin, "OPERATOR", mallId);
		assertThat(api.post("/api/videos/" + video + "/reprocess", viewer, Map.of()).status()).isEqualTo(403);
		ApiResponse again = api.post("/api/videos/" + video + "/reprocess", operator, Map.of());
		assertThat(again.status()).isEqualTo(202);
		UUID newJob = UUID.fromString(again.text("job_id"));
		assertThat(newJob).isNotEqualTo(silent);
		assertThat(again.header("Location")).isEqualTo("/api/analysis/jobs/" + newJob);
		assertThat(job(newJob).text("status")).isEqualTo("pending");
		assertThat(details(video).text("processing_status")).isIn("pending", "queued");
		assertThat(details(video).text("processing_job_id")).isEqualTo(newJob.toString());
		ApiResponse twice = api.post("/api/videos/" + video + "/reprocess", operator, Map.of());
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.detail()).contains("being processed already");
		UUID uploading = initiate();
		assertThat(api.post("/api/videos/" + uploading + "/reprocess", operator, Map.of()).status()).isEqualTo(409);
		assertThat(api.post("/api/videos/" + UUID.randomUUID() + "/reprocess", operator, Map.of()).status()).isEqualTo(404);
	}

	@Test
	void aPendingJobTheQueueNeverReceivedIsQueuedAgain() {
		Instant now = CLOCK.instant();
		UUID lost = unqueuedJob(now.minus(Duration.ofMinutes(11)));
		UUID recent = unqueuedJob(now.minus(Duration.ofMinutes(2)));

		WatchdogReport report = watchdog.run();
		WatchdogReport again = watchdog.run();

		assertThat(report.unqueuedJobsRequeued()).isEqualTo(1);
		assertThat(again.unqueuedJobsRequeued()).isZero();
		assertThat(job(lost).text("task_id")).isEqualTo(lost.toString());
		assertThat(jobStorage.getJobById(lost).getState()).isEqualTo(StateName.ENQUEUED);
		assertThat(details(UUID.fromString(job(lost).text("video_id"))).text("processing_status")).isEqualTo("queued");
		tools.jackson.databind.JsonNode untouched = job(recent).response().body().path("task_id");
		assertThat(untouched.isNull() || untouched.isMissingNode()).as("task_id of a job still in its grace time").isTrue();
		assertThat(SLACK.bodies()).hasSize(1);
		assertThat(SLACK.bodies().get(0)).contains("queued again 1 job(s) the queue never received");
	}

	@Test
	void theRecurringJobIsRegisteredOnceWithTheConfiguredCron() {
		List<RecurringJob> watchdogs = jobStorage.getRecurringJobs()
			.stream()
			.filter(job -> job.getId().equals(WatchdogSchedule.RECURRING_JOB_ID))
			.toList();

		assertThat(watchdogs).hasSize(1);
		assertThat(watchdogs.get(0).getScheduleExpression()).isEqualTo("0 30 4 * * *");
		assertThat(watchdogs.get(0).getJobDetails().getClassName()).isEqualTo(WatchdogJobHandler.class.getName());
	}

	@Test
	void onlyAnAdminMayRunTheCleanup() {
		String operator = api.tokenFor(admin, "OPERATOR", mallId);

		ApiResponse refused = api.post("/api/admin/cleanup-stuck-jobs", operator, Map.of());

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
		assertThat(api.post("/api/admin/cleanup-stuck-jobs", null, Map.of()).status()).isEqualTo(401);
		ApiResponse allowed = api.post("/api/admin/cleanup-stuck-jobs", admin, Map.of());
		assertThat(allowed.status()).isEqualTo(200);
		assertThat(allowed.body().properties().stream().map(Map.Entry::getKey).toList())
			.containsExactlyInAnyOrder("stuck_uploads_cleaned", "stuck_jobs_cleaned", "orphan_uploads_aborted",
					"orphan_objects_deleted", "unqueued_jobs_requeued", "cleaned_at");
	}

	@Test
	void aWebhookThatIsDownDoesNotStopTheRun() {
		UUID stuck = initiate();
		CLOCK.advance(Duration.ofHours(6).plusMinutes(1));
		SLACK.down = true;
		int refusedBefore = SLACK.refused.get();

		WatchdogReport report = watchdog.run();

		assertThat(report.stuckUploadsCleaned()).isEqualTo(1);
		assertThat(details(stuck).text("upload_status")).isEqualTo("failed");
		assertThat(SLACK.bodies()).isEmpty();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(SLACK.refused.get()).as("the alert was sent to the webhook that is down")
				.isGreaterThan(refusedBefore));
	}

	@Test
	void twoRunsAtOnceCleanEachItemOnceAndAlertOnce() throws Exception {
		List<UUID> stuck = List.of(initiate(), initiate(), initiate());
		Instant now = CLOCK.instant();
		runningJob(now.minus(Duration.ofMinutes(40)), now.minus(Duration.ofMinutes(20)));
		multipart.start("orphans/" + UUID.randomUUID() + "/original.mp4", "video/mp4");
		CLOCK.advance(Duration.ofHours(6).plusMinutes(1));

		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<WatchdogReport> reports = new ArrayList<>();
		try {
			Callable<WatchdogReport> run = watchdog::run;
			List<Future<WatchdogReport>> runs = pool.invokeAll(List.of(run, run));
			for (Future<WatchdogReport> done : runs) {
				reports.add(done.get());
			}
		}
		finally {
			pool.shutdown();
		}

		assertThat(reports.stream().mapToInt(WatchdogReport::stuckUploadsCleaned).sum()).isEqualTo(stuck.size());
		assertThat(reports.stream().mapToInt(WatchdogReport::stuckJobsCleaned).sum()).isEqualTo(1);
		assertThat(reports.stream().mapToInt(WatchdogReport::orphanUploadsAborted).sum()).isEqualTo(1);
		assertThat(SLACK.bodies()).hasSize(1);
	}

	@Test
	void aJobThatFailedForGoodIsAlertedAndCounted() {
		double before = failedJobsCounted("pipeline");
		UUID jobId = UUID.randomUUID();

		events.publishEvent(new ProcessingJobFailed(jobId, UUID.randomUUID(), JobType.PROXY, "The video could not be converted completely.", false));
		events.publishEvent(new ProcessingJobFailed(UUID.randomUUID(), UUID.randomUUID(), JobType.PROXY, "stopped", true));

		assertThat(SLACK.bodies()).hasSize(1);
		assertThat(SLACK.bodies().get(0)).contains("Processing job " + jobId + " failed: The video could not be converted completely.");
		assertThat(failedJobsCounted("pipeline")).isEqualTo(before + 1);
	}

	@Test
	void cleanedItemsAreExposedAsMetrics() throws Exception {
		double before = cleaned(prometheus(), "stuck_upload");
		double orphansBefore = cleaned(prometheus(), "orphan_upload");
		initiate();
		initiate();
		multipart.start("orphans/" + UUID.randomUUID() + "/original.mp4", "video/mp4");
		CLOCK.advance(Duration.ofHours(6).plusMinutes(1));
		watchdog.run();

		String metrics = prometheus();

		assertThat(cleaned(metrics, "stuck_upload")).as("counted by this run").isEqualTo(before + 2);
		assertThat(cleaned(metrics, "orphan_upload")).isEqualTo(orphansBefore + 1);
		assertThat(metrics).contains("kind=\"stuck_job\"").contains("kind=\"orphan_object\"").contains("jobs_failed_total{");
	}

	private UUID initiate() {
		ApiResponse response = uploads.initiate(ApiClient.unique("cam") + ".mp4", 30_000_000,
				TestVideos.sha256Of(UUID.randomUUID().toString()));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return UUID.fromString(response.text("video_id"));
	}

	/** An uploaded video whose proxy job a worker took and then stopped reporting on, as of the given times. */
	private UUID runningJob(Instant startedAt, Instant heartbeatAt) {
		UUID video = rows.video(mallId, pinId).running(startedAt).insert();
		return rows.job(video).running(startedAt, heartbeatAt).insert();
	}

	/**
	 * An uploaded video whose pending job never reached the queue, recorded at {@code queuedAt}: what
	 * a process stopped between its commit and the hand-over leaves.
	 */
	private UUID unqueuedJob(Instant queuedAt) {
		return rows.job(rows.video(mallId, pinId).insert()).queuedAt(queuedAt).insert();
	}

	private String s3UploadId(UUID videoId) {
		return jdbc.sql("SELECT s3_upload_id FROM videos WHERE id = ?").param(videoId).query(String.class).single();
	}

	private List<String> pendingUploadIds() {
		return multipart.listPending().stream().map(PendingMultipartUpload::uploadId).toList();
	}

	private JsonAssert details(UUID videoId) {
		return new JsonAssert(api.get("/api/videos/" + videoId, admin));
	}

	private JsonAssert job(UUID jobId) {
		return new JsonAssert(api.get("/api/analysis/jobs/" + jobId, admin));
	}

	private double failedJobsCounted(String stoppedBy) {
		return meters.get("jobs.failed").tag("stopped_by", stoppedBy).counter().count();
	}

	/** The value of {@code watchdog_cleaned_total} for one kind in a Prometheus page. */
	private static double cleaned(String metrics, String kind) {
		java.util.regex.Matcher value = java.util.regex.Pattern
			.compile("watchdog_cleaned_total\\{[^}]*kind=\"" + kind + "\"[^}]*\\} ([0-9.eE+]+)")
			.matcher(metrics);
		assertThat(value.find()).as("watchdog_cleaned_total{kind=%s} is exposed", kind).isTrue();
		return Double.parseDouble(value.group(1));
	}

	private String prometheus() throws Exception {
		java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.baseUrl() + "/actuator/prometheus")).build(),
					java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	@Autowired
	io.micrometer.core.instrument.MeterRegistry meters;

	/** A JSON answer that must have succeeded. */
	private record JsonAssert(ApiResponse response) {

		String text(String field) {
			assertThat(response.status()).as(response.toString()).isEqualTo(200);
			return response.text(field);
		}

	}

}
