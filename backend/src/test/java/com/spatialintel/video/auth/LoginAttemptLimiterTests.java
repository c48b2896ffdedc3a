package com.spatialintel.video.auth;

import java.time.Duration;
import java.time.Instant;

import com.spatialintel.video.errors.TooManyRequestsException;
import com.spatialintel.video.testing.MutableClock;
import com.spatialintel.video.testing.UnitTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@UnitTest
class LoginAttemptLimiterTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));

	private final LoginAttemptLimiter limiter = new LoginAttemptLimiter(new AuthSettings("unused",
			Duration.ofHours(12), "a@b", null, 3, Duration.ofMinutes(15), 5, "unused:"), new InMemoryFailedLogins(), clock);

	@Test
	void refusesOnceTheLimitIsReachedAndAllowsAgainWhenTheOldestFailureLeavesTheWindow() {
		limiter.recordFailure("x@test.example", "10.0.0.1");
		clock.advance(Duration.ofMinutes(5));
		limiter.recordFailure("x@test.example", "10.0.0.1");
		limiter.recordFailure("x@test.example", "10.0.0.1");

		assertThatThrownBy(() -> limiter.checkAllowed("x@test.example", "10.0.0.1")).isInstanceOf(TooManyRequestsException.class)
			.hasMessage("Too many failed sign-in attempts for this account; try again in 10 minutes.");
		assertThatCode(() -> limiter.checkAllowed("other@test.example", "10.0.0.1")).doesNotThrowAnyException();

		clock.advance(Duration.ofMinutes(10));

		assertThatCode(() -> limiter.checkAllowed("x@test.example", "10.0.0.1")).doesNotThrowAnyException();
	}

	@Test
	void aSuccessfulLoginClearsTheFailures() {
		limiter.recordFailure("y@test.example", "10.0.0.2");
		limiter.recordFailure("y@test.example", "10.0.0.2");
		limiter.recordSuccess("y@test.example");
		limiter.recordFailure("y@test.example", "10.0.0.2");

		assertThatCode(() -> limiter.checkAllowed("y@test.example", "10.0.0.2")).doesNotThrowAnyException();
	}

	@Test
	void oneClientTryingManyAccountsIsRefusedWhateverTheAccountAndOthersAreNot() {
		for (int account = 0; account < 5; account++) {
			limiter.recordFailure("sprayed-" + account + "@test.example", "203.0.113.7");
		}

		assertThatThrownBy(() -> limiter.checkAllowed("never-tried@test.example", "203.0.113.7"))
			.isInstanceOf(TooManyRequestsException.class)
			.hasMessage("Too many failed sign-in attempts from your network address; try again in 15 minutes.");
		assertThatCode(() -> limiter.checkAllowed("never-tried@test.example", "203.0.113.8")).doesNotThrowAnyException();
		limiter.recordSuccess("sprayed-0@test.example");
		assertThatThrownBy(() -> limiter.checkAllowed("sprayed-0@test.example", "203.0.113.7"))
			.as("a success clears its account, never its client").isInstanceOf(TooManyRequestsException.class);

		clock.advance(Duration.ofMinutes(15));

		assertThatCode(() -> limiter.checkAllowed("never-tried@test.example", "203.0.113.7")).doesNotThrowAnyException();
	}

}
