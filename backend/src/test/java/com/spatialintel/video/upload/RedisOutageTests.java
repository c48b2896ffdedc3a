package com.spatialintel.video.upload;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import com.spatialintel.video.testing.ApiClient;
import com.spatialintel.video.testing.ApiResponse;
import com.spatialintel.video.testing.IntegrationTest;
import com.spatialintel.video.testing.TcpForwarder;
import com.spatialintel.video.testing.TestVideos;
import com.spatialintel.video.testing.Uploads;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis going away under the app (it reaches the local Redis through a forwarder the test closes):
 * health answers within a few seconds, 200, with Redis DEGRADED rather than the node DOWN; liveness
 * is UP; an upload still goes through (it never needed Redis); and signing in works,
 * failed attempts counted on the node.
 */
@IntegrationTest
class RedisOutageTests {

	private static TcpForwarder redis;

	@DynamicPropertySource
	static void redisThroughAForwarder(DynamicPropertyRegistry registry) {
		URI local = URI.create(System.getProperty("REDIS_URL", "redis://127.0.0.1:6379"));
		redis = new TcpForwarder(local.getHost(), local.getPort());
		registry.add("spring.data.redis.url", () -> "redis://127.0.0.1:" + redis.port());
	}

	@AfterAll
	static void closeForwarder() {
		redis.close();
	}

	@Autowired
	ApiClient api;

	@Test
	void withRedisAwayTheNodeIsDegradedNotDownAndUploadsGoOn() {
		String admin = api.adminToken();
		ApiResponse before = api.get("/actuator/health", admin);
		assertThat(before.body().path("components").path("redis").path("status").asString()).isEqualTo("UP");

		redis.stop();
		try {
			long started = System.nanoTime();
			ApiResponse health = api.get("/actuator/health", admin);
			Duration took = Duration.ofNanos(System.nanoTime() - started);

			assertThat(took).as("health answers quickly whatever is down").isLessThan(Duration.ofSeconds(4));
			assertThat(health.status()).as(health.toString()).isEqualTo(200);
			assertThat(health.body().path("status").asString()).isEqualTo("DEGRADED");
			assertThat(health.body().path("components").path("redis").path("status").asString()).isEqualTo("DEGRADED");
			assertThat(health.body().path("components").path("db").path("status").asString()).isEqualTo("UP");
			assertThat(api.get("/actuator/health/liveness", null).status()).isEqualTo(200);

			Path clip = TestVideos.small("redis-away", 320, 240, false);
			java.util.UUID mallId = api.createMall(admin);
			ApiResponse completed = new Uploads(api, admin, mallId, api.createPin(admin, mallId)).uploadWhole(clip);
			assertThat(completed.status()).as("an upload without Redis: " + completed).isEqualTo(200);

			// failed sign-ins are counted on this node meanwhile; signing in works, without waiting on Redis
			ApiResponse wrong = api.post("/api/auth/login", null,
					java.util.Map.of("email", "nobody-" + java.util.UUID.randomUUID() + "@test.example", "password", "x"));
			long loginStarted = System.nanoTime();
			String again = api.adminToken();
			assertThat(wrong.status()).as(wrong.toString()).isEqualTo(401);
			assertThat(again).isNotBlank();
			assertThat(Duration.ofNanos(System.nanoTime() - loginStarted)).as("no Redis timeout on each sign-in")
				.isLessThan(Duration.ofSeconds(2));
		}
		finally {
			redis.start();
		}
		// Lettuce reconnects by itself
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
			.until(() -> "UP".equals(api.get("/actuator/health", admin).body().path("status").asString()));
	}

}
