package com.spatialintel.video.runtime;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Redis in {@code /actuator/health}, in place of Spring's indicator: Redis only shares the failed
 * sign-ins between nodes, which each node counts itself while Redis is away, so without it the node
 * serves everything and loses nothing. It is reported {@code DEGRADED} (HTTP 200), never DOWN, and the answer comes within
 * {@link #TIMEOUT} however Redis fails; Spring's indicator waited for Lettuce's 60 s timeout and
 * made the node DOWN, which an orchestrator's probe would have killed.
 */
@Component("redis")
@ConditionalOnProperty(name = "app.redis.enabled", havingValue = "true")
class RedisHealth implements HealthIndicator {

	static final Status DEGRADED = new Status("DEGRADED",
			"Redis does not answer: each node counts failed sign-ins itself meanwhile; nothing is lost.");

	static final Duration TIMEOUT = Duration.ofSeconds(2);

	private final RedisConnectionFactory redis;

	RedisHealth(RedisConnectionFactory redis) {
		this.redis = redis;
	}

	@Override
	public Health health() {
		try {
			String pong = CompletableFuture.supplyAsync(this::ping).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			return Health.up().withDetail("ping", pong).build();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Health.status(DEGRADED).build();
		}
		catch (Exception ex) {
			return Health.status(DEGRADED).withDetail("error", ex.getClass().getSimpleName()).build();
		}
	}

	private String ping() {
		try (RedisConnection connection = redis.getConnection()) {
			return connection.ping();
		}
	}

}
