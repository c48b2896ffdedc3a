package com.spatialintel.video.watchdog;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.spatialintel.video.testing.IntegrationTest;
import com.spatialintel.video.testing.Jobs;
import com.spatialintel.video.testing.TenantFixture;
import com.spatialintel.video.testing.TestDatabase;
import com.spatialintel.video.testing.TestVideos;
import com.spatialintel.video.testing.WorkerProcesses;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No worker runs ({@code APP_ROLE=web} only) and a job waits past {@code QUEUE_STALL_MINUTES}
 * (here 3 s, checked every second): one alert naming how many wait and since when, and the gauge
 * set; a worker process then started runs the job, and "recovered" is sent once.
 */
@IntegrationTest
@TestPropertySource(properties = { "QUEUE_STALL_MINUTES=0.05", "app.watchdog.queue-stall-check-every=1s" })
class QueueStallTests extends TenantFixture {

	static final LoopbackReceiver SLACK = new LoopbackReceiver("/hook", "ok");

	private static String databaseUrl;

	@DynamicPropertySource
	static void ownDatabaseAndSlack(DynamicPropertyRegistry registry) {
		databaseUrl = TestDatabase.createForSession("siv_queue_stall");
		registry.add("spring.datasource.url", () -> databaseUrl);
		registry.add("SLACK_WEBHOOK_URL", () -> SLACK.url("/hook"));
	}

	@AfterAll
	static void stopReceiver() {
		SLACK.close();
	}

	@Autowired
	Environment environment;

	@TempDir
	Path logs;

	@Test
	void aQueueNoWorkerTakesAlertsOnceAndSaysRecoveredOnceAWorkerRunsTheJob() throws Exception {
		UUID jobId = UUID.fromString(uploads.uploadWhole(TestVideos.small("stall", 320, 240, false)).text("job_id"));

		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
			.until(() -> !messages("Processing has stalled").isEmpty());
		assertThat(messages("Processing has stalled").get(0)).contains("1 job(s) wait for a worker, the oldest since 20");
		assertThat(waitingOldestSeconds()).isGreaterThanOrEqualTo(3);
		Thread.sleep(3_000);
		assertThat(messages("Processing has stalled")).as("one alert per stall").hasSize(1);
		assertThat(messages("Processing has recovered")).isEmpty();

		try (WorkerProcesses workers = new WorkerProcesses(logs, environment.getProperty("S3_BUCKET"))) {
			workers.start("late", databaseUrl, WorkerProcesses.freePort());
			assertThat(Jobs.await(api, admin, jobId, Jobs::isFinal).path("status").asString()).isEqualTo("completed");
		}

		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
			.until(() -> !messages("Processing has recovered").isEmpty());
		await().atMost(Duration.ofSeconds(5)).until(() -> waitingOldestSeconds() == 0);
		Thread.sleep(3_000);
		assertThat(messages("Processing has recovered")).as("one recovered message").hasSize(1);
		assertThat(messages("Processing has stalled")).hasSize(1);
	}

	private static List<String> messages(String start) {
		return SLACK.bodies().stream().filter(body -> body.contains(start)).toList();
	}

	private double waitingOldestSeconds() throws Exception {
		String metrics = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/actuator/prometheus")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher gauge = Pattern.compile("(?m)^jobs_waiting_oldest_seconds(?:\\{[^}]*\\})? (\\S+)$").matcher(metrics);
		assertThat(gauge.find()).as(metrics).isTrue();
		return Double.parseDouble(gauge.group(1));
	}

}
