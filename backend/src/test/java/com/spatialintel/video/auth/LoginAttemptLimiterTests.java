package com.spatialintel.video.auth;

import java.time.Duration;
import java.time.Instant;

import com.spatialintel.video.system.TooManyRequestsException;
import com.spatialintel.video.testing.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoginAttemptLimiterTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));

	private final LoginAttemptLimiter limiter = new LoginAttemptLimiter(
			new AuthSettings("unused", Duration.ofHours(12), "a@b", null, 3, Duration.ofMinutes(15)), clock);

	@Test
	void refusesOnceTheLimitIsReachedAndAllowsAgainWhenTheOldestFailureLeavesTheWindow() {
		limiter.recordFailure("x@test.example");
		clock.advance(Duration.ofMinutes(5));
		limiter.recordFailure("x@test.example");
		limiter.recordFailure("x@test.example");

		assertThatThrownBy(() -> limiter.checkAllowed("x@test.example")).isInstanceOf(TooManyRequestsException.class)
			.hasMessage("Too many failed sign-in attempts for this account; try again in 10 minutes.");
		assertThatCode(() -> limiter.checkAllowed("other@test.example")).doesNotThrowAnyException();

		clock.advance(Duration.ofMinutes(10));

		assertThatCode(() -> limiter.checkAllowed("x@test.example")).doesNotThrowAnyException();
	}

	@Test
	void aSuccessfulLoginClearsTheFailures() {
		limiter.recordFailure("y@test.example");
		limiter.recordFailure("y@test.example");
		limiter.recordSuccess("y@test.example");
		limiter.recordFailure("y@test.example");

		assertThatCode(() -> limiter.checkAllowed("y@test.example")).doesNotThrowAnyException();
	}

}
