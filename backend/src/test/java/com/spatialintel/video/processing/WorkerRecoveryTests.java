package com.spatialintel.video.processing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import com.spatialintel.video.storage.ObjectStorage;
import com.spatialintel.video.testing.ApiClient;
import com.spatialintel.video.testing.IntegrationTest;
import com.spatialintel.video.testing.TcpForwarder;
import com.spatialintel.video.testing.TestDatabase;
import com.spatialintel.video.testing.TestS3Server;
import com.spatialintel.video.testing.TestVideos;
import com.spatialintel.video.testing.Uploads;
import com.spatialintel.video.testing.WorkerProcesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Worker processes as production runs them: separate JVMs with {@code APP_ROLE=worker} on the same
 * PostgreSQL and S3. One is killed with SIGKILL in the middle of a transcode; another takes the job
 * up again and completes it.
 */
@IntegrationTest
class WorkerRecoveryTests {

	private static String databaseUrl;

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		databaseUrl = TestDatabase.createForSession("siv_recovery");
		registry.add("spring.datasource.url", () -> databaseUrl);
	}

	@Autowired
	ApiClient api;

	@Autowired
	ProcessingJobs jobs;

	@Autowired
	ObjectStorage storage;

	@Autowired
	ProcessingSettings settings;

	@Autowired
	Environment environment;

	@TempDir
	Path logs;

	private WorkerProcesses workers;

	@BeforeEach
	void workers() {
		workers = new WorkerProcesses(logs, environment.getProperty("S3_BUCKET"));
	}

	@AfterEach
	void stopWorkers() {
		workers.close();
	}

	private Process startWorker(String name, int port) {
		return workers.start(name, databaseUrl, port);
	}

	@Test
	void aJobWhoseWorkerWasKilledIsTakenUpAgainAndCompleted() throws Exception {
		String admin = api.adminToken();
		UUID mallId = api.createMall(admin);
		UUID pinId = api.createPin(admin, mallId);
		Path source = TestVideos.custom("recovery", "-f", "lavfi", "-i", "testsrc2=s=1920x1080:r=30", "-t", "40",
				"-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p");
		Process first = startWorker("first", WorkerProcesses.freePort());
		UUID jobId = UUID.fromString(new Uploads(api, admin, mallId, pinId).uploadWhole(source).text("job_id"));

		await().atMost(Duration.ofSeconds(90)).until(() -> jobs.find(jobId).orElseThrow().progress() > 0);
		assertThat(jobs.find(jobId).orElseThrow().workerHostname()).endsWith("/" + first.pid());
		first.destroyForcibly().waitFor();
		Process second = startWorker("second", WorkerProcesses.freePort());

		await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1))
			.until(() -> jobs.find(jobId).orElseThrow().status().isFinal());
		ProcessingJob job = jobs.find(jobId).orElseThrow();
		assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
		assertThat(job.attempts()).isEqualTo(2);
		assertThat(job.workerHostname()).endsWith("/" + second.pid());
		// the worker removes the job's folder right after it recorded the job as completed
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(settings.workDirectory().resolve(jobId.toString())).doesNotExist());
		String prefix = mallId + "/" + pinId + "/";
		assertThat(storage.head(prefix + job.videoId() + "/proxy.mp4")).isPresent();
	}

	@Test
	void aWorkerProcessServesHealthButNotTheApi() throws Exception {
		int port = WorkerProcesses.freePort();
		startWorker("health-only", port);
		HttpClient http = HttpClient.newHttpClient();
		await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> get(http, port, "/actuator/health").statusCode() == 200);

		HttpResponse<String> api = get(http, port, "/api/malls");

		assertThat(api.statusCode()).isEqualTo(404);
		assertThat(api.body()).contains("This process only runs workers (APP_ROLE=worker)");
	}

	/**
	 * The same outage as {@link JobServerHealingTests}, across processes: only the worker JVM reaches
	 * PostgreSQL through a forwarder, which is closed until its job server has stopped, then opened.
	 */
	@Test
	void aWorkerWhoseDatabaseWentAwayAndCameBackProcessesTheNextUpload() throws Exception {
		String admin = api.adminToken();
		UUID mallId = api.createMall(admin);
		UUID pinId = api.createPin(admin, mallId);
		try (TcpForwarder database = TcpForwarder.toServerOf(databaseUrl)) {
			int port = WorkerProcesses.freePort();
			Process worker = workers.start("outage", database.through(databaseUrl), port);
			HttpClient http = HttpClient.newHttpClient();
			await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> get(http, port, "/actuator/health").statusCode() == 200);

			database.stop();
			try {
				await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
					.until(() -> Files.readString(workers.log("outage")).contains("The job server stopped"));
			}
			finally {
				database.start();
			}
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
				.until(() -> Files.readString(workers.log("outage")).contains("The job server is running again")
						&& get(http, port, "/actuator/health").statusCode() == 200);

			UUID jobId = UUID.fromString(new Uploads(api, admin, mallId, pinId)
				.uploadWhole(TestVideos.small("after-worker-outage", 320, 240, false)).text("job_id"));
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
				.until(() -> jobs.find(jobId).orElseThrow().status().isFinal());
			ProcessingJob job = jobs.find(jobId).orElseThrow();
			assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
			assertThat(job.workerHostname()).endsWith("/" + worker.pid());
		}
	}

	private static HttpResponse<String> get(HttpClient http, int port, String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
