package com.spatialintel.video.processing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import com.spatialintel.video.storage.ObjectStorage;
import com.spatialintel.video.testing.ApiResponse;
import com.spatialintel.video.testing.IntegrationTest;
import com.spatialintel.video.testing.Jobs;
import com.spatialintel.video.testing.TenantFixture;
import com.spatialintel.video.testing.TestDatabase;
import com.spatialintel.video.testing.TestS3Server;
import com.spatialintel.video.testing.TestVideos;
import com.spatialintel.video.testing.Uploads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/** The proxy pipeline end to end: upload over HTTP, a real worker, ffmpeg, S3Proxy, PostgreSQL. */
@IntegrationTest
@TestPropertySource(properties = { "APP_ROLE=all", "WORKER_CONCURRENCY=2" })
class ProcessingTests extends TenantFixture {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Workers take every queued job of their database: this class gets one of its own. */
	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		String url = TestDatabase.createForSession("siv_processing");
		registry.add("spring.datasource.url", () -> url);
	}

	@Autowired
	ObjectStorage storage;

	@Autowired
	ProcessingJobs jobs;

	@Autowired
	JobExecution execution;

	@Autowired
	ProcessingSettings settings;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path temp;

	@Test
	void a1080pClipBecomesA480pTenFpsFaststartProxyWithAPoster() throws IOException {
		Path source = TestVideos.custom("hd", "-f", "lavfi", "-i", "testsrc2=s=1920x1080:r=30", "-f", "lavfi", "-i",
				"sine=frequency=330", "-t", "10", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
				"-c:a", "aac", "-shortest");

		JsonNode job = process(source);

		assertThat(job.path("status").asString()).isEqualTo("completed");
		assertThat(job.path("progress").asInt()).isEqualTo(100);
		assertThat(job.path("worker_hostname").asString()).isNotBlank();
		JsonNode result = job.path("result_data");
		assertThat(result.path("proxy_path").asString()).isEqualTo(mallId + "/" + pinId + "/" + job.path("video_id").asString() + "/proxy.mp4");
		assertThat(result.path("elapsed_seconds").asDouble()).isPositive();
		assertThat(result.path("speed_x").asDouble()).isPositive();
		Path proxy = download(result.path("proxy_path").asString());
		assertThat(result.path("proxy_size_bytes").asLong()).isEqualTo(Files.size(proxy));
		JsonNode video = videoStream(proxy);
		assertThat(video.path("codec_name").asString()).isEqualTo("h264");
		assertThat(video.path("height").asInt()).isEqualTo(480);
		assertThat(video.path("width").asInt() % 2).isZero();
		assertThat(video.path("width").asInt()).isBetween(852, 854);
		assertThat(video.path("avg_frame_rate").asString()).isEqualTo("10/1");
		assertThat(probe(proxy).path("format").path("duration").asDouble()).isCloseTo(10.0, within(0.2));
		assertThat(hasAudio(proxy)).isTrue();
		assertThat(isFaststart(proxy)).isTrue();
		assertThat(storage.head(result.path("poster_path").asString())).isPresent();
		assertFolderRemoved(job.path("job_id").asString());
		JsonNode details = api.get("/api/videos/" + job.path("video_id").asString(), admin).body();
		assertThat(details.path("processing_status").asString()).isEqualTo("completed");
		assertThat(details.path("has_proxy").asBoolean()).isTrue();
		assertThat(details.path("processing_completed_at").asString()).isNotBlank();
	}

	@Test
	void aPortraitClipKeepsItsShape() {
		JsonNode job = process(TestVideos.small("portrait", 1080, 1920, true));

		JsonNode video = videoStream(download(job.path("result_data").path("proxy_path").asString()));
		assertThat(video.path("width").asInt()).isEqualTo(270);
		assertThat(video.path("height").asInt()).isEqualTo(480);
	}

	@Test
	void aSmallSourceIsNotUpscaledAndASilentOneWorks() {
		JsonNode job = process(TestVideos.small("small-silent", 640, 360, false));

		Path proxy = download(job.path("result_data").path("proxy_path").asString());
		assertThat(videoStream(proxy).path("width").asInt()).isEqualTo(640);
		assertThat(videoStream(proxy).path("height").asInt()).isEqualTo(360);
		assertThat(hasAudio(proxy)).isFalse();
	}

	@Test
	void twentyFiveFpsAndHevcSourcesWork() {
		Path pal = TestVideos.custom("pal", "-f", "lavfi", "-i", "testsrc2=s=720x576:r=25", "-t", "3", "-c:v",
				"libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p");
		Path hevc = TestVideos.custom("hevc", "-f", "lavfi", "-i", "testsrc2=s=1280x720:r=30", "-t", "3", "-c:v",
				"libx265", "-preset", "ultrafast", "-tag:v", "hvc1", "-pix_fmt", "yuv420p");

		for (Path source : List.of(pal, hevc)) {
			JsonNode job = process(source);
			assertThat(job.path("status").asString()).as(source.toString()).isEqualTo("completed");
			Path proxy = download(job.path("result_data").path("proxy_path").asString());
			assertThat(videoStream(proxy).path("avg_frame_rate").asString()).isEqualTo("10/1");
			assertThat(probe(proxy).path("format").path("duration").asDouble()).isCloseTo(3.0, within(0.2));
		}
	}

	@Test
	void aTruncatedFileFailsWithASentenceAndLeavesNoTemporaryFolder() {
		Path whole = TestVideos.custom("to-truncate", "-f", "lavfi", "-i", "testsrc2=s=640x360:r=30", "-t", "8",
				"-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-movflags", "+faststart");

		JsonNode job = process(TestVideos.truncated(whole, 0.4));

		assertThat(job.path("status").asString()).isEqualTo("failed");
		assertThat(job.path("error_message").asString()).startsWith("The video could not be converted completely");
		JsonNode details = api.get("/api/videos/" + job.path("video_id").asString(), admin).body();
		assertThat(details.path("processing_status").asString()).isEqualTo("failed");
		assertThat(details.path("processing_error").asString()).startsWith("The video could not be converted completely")
			.doesNotContain("\n");
		assertThat(details.path("has_proxy").asBoolean()).isFalse();
		assertFolderRemoved(job.path("job_id").asString());
		assertThat(job.path("error_message").asString()).as("an operator sees ffmpeg's last lines").contains("\n");

		String viewer = api.tokenFor(admin, "VIEWER", mallId);
		JsonNode seenByViewer = api.get("/api/analysis/jobs/" + job.path("job_id").asString(), viewer).body();
		assertThat(seenByViewer.path("status").asString()).isEqualTo("failed");
		assertThat(seenByViewer.path("error_message").asString()).isEqualTo(details.path("processing_error").asString());
		assertThat(seenByViewer.path("worker_hostname").isNull()).isTrue();
	}

	@Test
	void aChecksumThatDoesNotMatchTheStoredFileFailsTheVideo() {
		Path source = TestVideos.small("lying-client", 320, 240, true);
		ApiResponse initiated = uploads.initiate(source.getFileName().toString(), TestVideos.size(source), "ab".repeat(32));
		UUID videoId = UUID.fromString(initiated.text("video_id"));
		ApiResponse completed = uploads.complete(videoId, uploads.putParts(initiated.body(), source));

		JsonNode job = awaitJob(UUID.fromString(completed.text("job_id")), this::isFinal);

		assertThat(job.path("status").asString()).isEqualTo("failed");
		assertThat(job.path("error_message").asString()).startsWith("checksum mismatch");
		assertThat(api.get("/api/videos/" + videoId, admin).text("processing_error")).startsWith("checksum mismatch");
	}

	@Test
	void aCancelledJobStopsFfmpegWithinSecondsAndCleansUp() {
		Path longer = TestVideos.custom("long", "-f", "lavfi", "-i", "testsrc2=s=1920x1080:r=30", "-t", "40",
				"-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p");
		UUID jobId = UUID.fromString(uploads.uploadWhole(longer).text("job_id"));
		awaitJob(jobId, job -> job.path("progress").asInt() > 0);

		assertThat(jobs.cancelAll(jobs.find(jobId).orElseThrow().videoId(), "Cancelled by the test.")).isEqualTo(1);

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(ffmpegProcessesOf(jobId)).isZero();
			assertThat(settings.workDirectory().resolve(jobId.toString())).doesNotExist();
		});
		assertThat(jobs.find(jobId).orElseThrow().status()).isEqualTo(JobStatus.CANCELLED);
	}

	@Test
	void aJobTheWatchdogFailsHasItsFfmpegKilledWhereItRuns() {
		Path longer = TestVideos.custom("long", "-f", "lavfi", "-i", "testsrc2=s=1920x1080:r=30", "-t", "40",
				"-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p");
		ApiResponse completed = new Uploads(api, admin, mallId, api.createPin(admin, mallId)).uploadWhole(longer);
		UUID jobId = UUID.fromString(completed.text("job_id"));
		awaitJob(jobId, job -> job.path("progress").asInt() > 0);

		List<StuckJob> failed = jobs.failStuck(Duration.ofMillis(1), Duration.ofHours(1));

		assertThat(failed).extracting(StuckJob::jobId).contains(jobId);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(ffmpegProcessesOf(jobId)).isZero();
			assertThat(settings.workDirectory().resolve(jobId.toString())).doesNotExist();
		});
		JsonNode job = api.get("/api/analysis/jobs/" + jobId, admin).body();
		assertThat(job.path("status").asString()).isEqualTo("failed");
		assertThat(job.path("error_message").asString()).contains("stopped by the watchdog");
		assertThat(api.get("/api/videos/" + completed.text("video_id"), admin).text("processing_status")).isEqualTo("failed");
	}

	@Test
	void deletingTheVideoStopsItsRunningJobWithinSeconds() {
		Path longer = TestVideos.custom("long", "-f", "lavfi", "-i", "testsrc2=s=1920x1080:r=30", "-t", "40",
				"-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p");
		ApiResponse completed = new Uploads(api, admin, mallId, api.createPin(admin, mallId)).uploadWhole(longer);
		UUID jobId = UUID.fromString(completed.text("job_id"));
		awaitJob(jobId, job -> job.path("progress").asInt() > 0);

		jdbc.sql("DELETE FROM videos WHERE id = ?").param(UUID.fromString(completed.text("video_id"))).update();

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(ffmpegProcessesOf(jobId)).isZero();
			assertThat(settings.workDirectory().resolve(jobId.toString())).doesNotExist();
		});
		assertThat(jobs.find(jobId)).isEmpty();
	}

	@Test
	void aTransientS3FailureIsRetriedAndTheJobCompletes() {
		Path source = TestVideos.small("transient", 320, 240, true);
		ApiResponse initiated = uploads.initiate(source);
		UUID videoId = UUID.fromString(initiated.text("video_id"));
		ApiResponse completed = uploads.complete(videoId, uploads.putParts(initiated.body(), source));
		UUID jobId = UUID.fromString(completed.text("job_id"));

		TestS3Server.whileStopped(() -> {
			// the first attempt has failed and the job waits for its retry
			await().atMost(Duration.ofSeconds(20)).until(() -> {
				ProcessingJob waiting = jobs.find(jobId).orElseThrow();
				return waiting.attempts() >= 1 && waiting.status() == JobStatus.PENDING;
			});
			return null;
		});
		JsonNode job = awaitJob(jobId, this::isFinal);

		assertThat(job.path("status").asString()).isEqualTo("completed");
		assertThat(job.path("attempts").asInt()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void twoWorkersTakingTheSameJobRunItOnce() throws Exception {
		Path source = TestVideos.small("contended", 320, 240, true);
		UUID jobId = pendingJobOutsideTheQueue(source);
		ExecutorService workers = Executors.newFixedThreadPool(2);
		try {
			List<Future<?>> runs = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				runs.add(workers.submit(() -> execution.run(jobId)));
			}
			for (Future<?> run : runs) {
				run.get();
			}
		}
		finally {
			workers.shutdownNow();
		}

		ProcessingJob job = jobs.find(jobId).orElseThrow();
		assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
		assertThat(job.attempts()).isEqualTo(1);
	}

	@Test
	void theJobApiAnswers404AcrossMallsAnd400ForAMalformedId() {
		JsonNode job = process(TestVideos.small("tenancy", 320, 240, true));
		String stranger = api.tokenFor(admin, "VIEWER", api.createMall(admin));
		String viewer = api.tokenFor(admin, "VIEWER", mallId);

		ApiResponse seenByViewer = api.get("/api/analysis/jobs/" + job.path("job_id").asString(), viewer);
		assertThat(seenByViewer.status()).isEqualTo(200);
		assertThat(job.path("worker_hostname").asString()).isNotBlank();
		assertThat(job.path("result_data").path("proxy_path").asString()).isNotBlank();
		for (String hidden : List.of("worker_hostname", "task_id", "result_data", "error_message")) {
			assertThat(seenByViewer.body().path(hidden).isNull()).as("a VIEWER does not see " + hidden).isTrue();
		}
		String operator = api.tokenFor(admin, "OPERATOR", mallId);
		assertThat(api.get("/api/analysis/jobs/" + job.path("job_id").asString(), operator).text("worker_hostname"))
			.isNotBlank();
		ApiResponse hidden = api.get("/api/analysis/jobs/" + job.path("job_id").asString(), stranger);
		assertThat(hidden.status()).isEqualTo(404);
		assertThat(hidden.detail()).isEqualTo("Job " + job.path("job_id").asString() + " was not found.");
		assertThat(api.get("/api/analysis/jobs/" + UUID.randomUUID(), admin).status()).isEqualTo(404);
		assertThat(api.get("/api/analysis/jobs/not-an-id", admin).status()).isEqualTo(400);
	}

	/** Uploads through the API and waits for the proxy job to finish. */
	private JsonNode process(Path source) {
		ApiResponse completed = uploads.uploadWhole(source);
		assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
		return awaitJob(UUID.fromString(completed.text("job_id")), this::isFinal);
	}

	/** A pending job whose video is stored but which was never handed to the queue. */
	private UUID pendingJobOutsideTheQueue(Path source) {
		ApiResponse initiated = uploads.initiate(source);
		UUID videoId = UUID.fromString(initiated.text("video_id"));
		ApiResponse completed = uploads.complete(videoId, uploads.putParts(initiated.body(), source));
		JsonNode done = awaitJob(UUID.fromString(completed.text("job_id")), this::isFinal);
		assertThat(done.path("status").asString()).isEqualTo("completed");
		UUID jobId = jobs.createPending(videoId, JobType.PROXY);
		jdbc.sql("UPDATE videos SET processing_status = 'queued' WHERE id = ?").param(videoId).update();
		return jobId;
	}

	private boolean isFinal(JsonNode job) {
		return Jobs.isFinal(job);
	}

	private JsonNode awaitJob(UUID jobId, Predicate<JsonNode> condition) {
		return Jobs.await(api, admin, jobId, condition);
	}

	private Path download(String key) {
		Path file = temp.resolve(UUID.randomUUID() + ".mp4");
		try (InputStream in = storage.download(key).orElseThrow()) {
			Files.copy(in, file);
			return file;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static JsonNode probe(Path file) {
		try {
			Process process = new ProcessBuilder("ffprobe", "-v", "error", "-print_format", "json", "-show_format",
					"-show_streams", file.toString()).start();
			return JSON.readTree(process.getInputStream().readAllBytes());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static JsonNode videoStream(Path file) {
		return probe(file).path("streams")
			.valueStream()
			.filter(stream -> "video".equals(stream.path("codec_type").asString()))
			.findFirst()
			.orElseThrow();
	}

	private static boolean hasAudio(Path file) {
		return probe(file).path("streams").valueStream().anyMatch(s -> "audio".equals(s.path("codec_type").asString()));
	}

	/** +faststart puts the index (moov) before the media data (mdat), so playback starts at once. */
	private static boolean isFaststart(Path file) throws IOException {
		String head = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
		return head.indexOf("moov") >= 0 && head.indexOf("moov") < head.indexOf("mdat");
	}

	private static long ffmpegProcessesOf(UUID jobId) {
		return ProcessHandle.allProcesses()
			.filter(process -> process.info().commandLine().map(line -> line.contains(jobId.toString())).orElse(false))
			.count();
	}

	/** The worker removes a job's folder right after it recorded the job's outcome. */
	private void assertFolderRemoved(String jobId) {
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(settings.workDirectory().resolve(jobId)).as("the job's folder").doesNotExist());
	}

}
