package com.spatialintel.video.database;

import java.time.Duration;
import java.util.UUID;

import com.spatialintel.video.testing.ApiClient;
import com.spatialintel.video.testing.ApiResponse;
import com.spatialintel.video.testing.IntegrationTest;
import com.spatialintel.video.testing.TcpForwarder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL going away under the app: the app reaches its database through a forwarder that the
 * test closes (every connection and the port) and opens again. Requests, the login included, are
 * answered 503 problem+json with Retry-After within a few seconds, not a 500 after 30 s; the outage
 * is logged once; when the database is back, requests succeed again by themselves.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class DatabaseOutageTests {

	private static TcpForwarder database;

	@DynamicPropertySource
	static void databaseThroughAForwarder(DynamicPropertyRegistry registry) {
		database = TcpForwarder.toOwnDatabase("siv_outage", registry);
	}

	@AfterAll
	static void closeForwarder() {
		database.close();
	}

	@Autowired
	ApiClient api;

	@Test
	void withTheDatabaseAwayRequestsGet503QuicklyAndTheOutageIsLoggedOnce(CapturedOutput output) {
		String admin = api.adminToken();
		UUID mallId = api.createMall(admin);
		assertThat(api.get("/api/malls", admin).status()).isEqualTo(200);

		database.stop();
		try {
			for (int i = 0; i < 4; i++) {
				long started = System.nanoTime();
				ApiResponse malls = api.get("/api/malls/" + mallId + "/pins", admin);
				Duration took = Duration.ofNanos(System.nanoTime() - started);

				assertThat(malls.status()).as(malls.toString()).isEqualTo(503);
				assertThat(malls.header("Content-Type")).isEqualTo("application/problem+json");
				assertThat(malls.header("Retry-After")).isEqualTo("5");
				assertThat(malls.detail()).isEqualTo(DatabaseOutage.SENTENCE);
				assertThat(took).as("answered within the pool's connection timeout").isLessThan(Duration.ofSeconds(6));
			}
			ApiResponse login = api.sendRaw("POST", "/api/auth/login", null, "application/json",
					"{\"email\":\"" + IntegrationTest.ADMIN_EMAIL + "\",\"password\":\"" + IntegrationTest.ADMIN_PASSWORD + "\"}");
			assertThat(login.status()).as(login.toString()).isEqualTo(503);
			assertThat(login.detail()).isEqualTo(DatabaseOutage.SENTENCE);

			long started = System.nanoTime();
			ApiResponse health = api.get("/actuator/health", null);
			assertThat(health.status()).isEqualTo(503);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
			assertThat(output.getAll()).doesNotContain("Unexpected error, reference");
			assertThat(countOf(output.getAll(), "The database cannot be reached; requests are answered 503"))
				.as("logged once, not per request").isEqualTo(1);
		}
		finally {
			database.start();
		}

		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
			.until(() -> api.get("/api/malls", admin).status() == 200);
		assertThat(api.get("/api/malls/" + mallId + "/pins", admin).status()).isEqualTo(200);
	}

	private static int countOf(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
			count++;
		}
		return count;
	}

}
