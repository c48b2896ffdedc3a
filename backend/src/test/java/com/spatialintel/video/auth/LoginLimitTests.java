package com.spatialintel.video.auth;

import java.time.Clock;
import java.util.UUID;

import com.spatialintel.video.errors.TooManyRequestsException;
import com.spatialintel.video.testing.ApiClient;
import com.spatialintel.video.testing.ApiResponse;
import com.spatialintel.video.testing.IntegrationTest;
import com.spatialintel.video.testing.TestSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Password spraying (one client, many accounts) is slowed, and the counts are in Redis, where
 * every web node sees them. Clients are told apart by the X-Forwarded-For that a reverse proxy on
 * loopback sends, as behind nginx.
 */
@IntegrationTest
@TestPropertySource(properties = { "MAX_FAILED_LOGINS_PER_CLIENT=5", "APP_ROLE=web" })
class LoginLimitTests {

	private static final String PREFIX = "login-failures:" + UUID.randomUUID() + ":";

	@DynamicPropertySource
	static void ownCounts(DynamicPropertyRegistry registry) {
		registry.add(TestSession.FAILED_LOGINS_PREFIX, () -> PREFIX);
	}

	@Autowired
	ApiClient api;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	AuthSettings settings;

	@Test
	void oneClientTryingManyAccountsIsRefusedEvenTheRightPasswordWhileOtherClientsSignIn() {
		String sprayer = "198.51.100." + (10 + (int) (Math.random() * 200));
		for (int account = 0; account < 5; account++) {
			ApiResponse wrong = api.loginFrom(sprayer, ApiClient.unique("sprayed") + "@test.example", "Summer2026!");
			assertThat(wrong.status()).as(wrong.toString()).isEqualTo(401);
		}

		ApiResponse refused = api.loginFrom(sprayer, IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD);
		ApiResponse elsewhere = api.loginFrom("198.51.100.250", IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD);

		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
		assertThat(refused.detail()).isEqualTo("Too many failed sign-in attempts from your network address; try again in 15 minutes.");
		assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(14 * 60L, 15 * 60L);
		assertThat(elsewhere.status()).as("another client is not slowed").isEqualTo(200);
	}

	@Test
	void theCountsAreInRedisWhereAnotherNodeSeesThem() {
		String client = "203.0.113." + (10 + (int) (Math.random() * 200));
		String email = ApiClient.unique("counted") + "@test.example";
		for (int attempt = 0; attempt < 5; attempt++) {
			api.loginFrom(client, email, "wrong-" + attempt);
		}
		LoginAttemptLimiter anotherNode = new LoginAttemptLimiter(settings,
				new RedisFailedLogins(redis, PREFIX, Clock.systemUTC()), Clock.systemUTC());

		assertThat(redis.opsForZSet().zCard(PREFIX + "client:" + client)).isEqualTo(5);
		assertThat(redis.getExpire(PREFIX + "client:" + client)).isBetween(14 * 60L, 15 * 60L);
		assertThat(redis.keys(PREFIX + "account:*")).as("accounts are kept as hashes")
			.noneMatch(key -> key.contains(email));
		assertThatThrownBy(() -> anotherNode.checkAllowed("someone-else@test.example", client))
			.isInstanceOf(TooManyRequestsException.class)
			.hasMessageContaining("from your network address");
		assertThatCode(() -> anotherNode.checkAllowed(email, "203.0.113.1")).as("5 of the account's 10")
			.doesNotThrowAnyException();
	}

}
