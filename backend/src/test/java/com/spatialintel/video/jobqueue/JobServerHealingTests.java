package com.spatialintel.video.jobqueue;

import java.time.Duration;
import java.util.UUID;

import com.spatialintel.video.testing.IntegrationTest;
import com.spatialintel.video.testing.Jobs;
import com.spatialintel.video.testing.TcpForwarder;
import com.spatialintel.video.testing.TenantFixture;
import com.spatialintel.video.testing.TestVideos;
import org.jobrunr.server.BackgroundJobServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL going away under a node that runs workers, through a forwarder the test closes and
 * opens: JobRunr's server stops itself at its first heartbeat without the database (at most one
 * poll, 5 s, plus the pool's connection timeout), and before {@link JobServerSupervisor} nothing
 * started it again: every later upload stayed pending. Now it runs again within 30 s of the
 * database coming back, health says so, and a clip uploaded afterwards is processed.
 */
@IntegrationTest
@TestPropertySource(properties = { "APP_ROLE=all", "WORKER_CONCURRENCY=1" })
class JobServerHealingTests extends TenantFixture {

	/** JobRunr's server is down well within this (measured: 5–8 s); the test keeps the database away this long at least. */
	static final Duration OUTAGE = Duration.ofSeconds(20);

	private static TcpForwarder database;

	@DynamicPropertySource
	static void databaseThroughAForwarder(DynamicPropertyRegistry registry) {
		database = TcpForwarder.toOwnDatabase("siv_healing", registry);
	}

	@AfterAll
	static void closeForwarder() {
		database.close();
	}

	@Autowired
	BackgroundJobServer jobServer;

	@Test
	void afterADatabaseOutageTheJobServerRunsAgainAndAClipUploadedThenIsProcessed() {
		assertThat(jobServer.isRunning()).isTrue();

		long closedAt = System.nanoTime();
		database.stop();
		try {
			await().atMost(OUTAGE).pollInterval(Duration.ofMillis(200))
				.alias("JobRunr's server stops itself while its database is away")
				.until(() -> !jobServer.isRunning());
			Duration remaining = OUTAGE.minusNanos(System.nanoTime() - closedAt);
			if (!remaining.isNegative()) {
				sleep(remaining);
			}
			assertThat(jobServer.isRunning()).isFalse();
		}
		finally {
			database.start();
		}

		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
			.alias("the job server runs again within 30 s of the database coming back")
			.until(jobServer::isRunning);
		await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			JsonNode health = api.get("/actuator/health", admin).body();
			assertThat(health.path("components").path("JobRunr").path("status").asString()).as(health.toString())
				.isEqualTo("UP");
			assertThat(health.path("status").asString()).isEqualTo("UP");
		});

		UUID jobId = UUID.fromString(uploads.uploadWhole(TestVideos.small("after-outage", 320, 240, false)).text("job_id"));
		long uploaded = System.nanoTime();
		JsonNode job = Jobs.await(api, admin, jobId, Jobs::isFinal);

		assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("completed");
		assertThat(Duration.ofNanos(System.nanoTime() - uploaded)).isLessThan(Duration.ofSeconds(60));
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
