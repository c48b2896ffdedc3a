package com.spatialintel.video.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.spatialintel.video.system.TooManyRequestsException;

import org.springframework.stereotype.Component;

/**
 * Slows password guessing: after {@code maxFailedLogins} failures for one e-mail address within
 * the window, further attempts are refused until the oldest failure leaves the window. Kept per
 * node in memory; the count is small enough that a restart resetting it does no harm.
 */
@Component
class LoginAttemptLimiter {

	private static final int MAX_TRACKED_ADDRESSES = 100_000;

	private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

	private final Clock clock;

	private final int maxFailures;

	private final Duration window;

	LoginAttemptLimiter(AuthSettings settings, Clock clock) {
		this.clock = clock;
		this.maxFailures = settings.maxFailedLogins();
		this.window = settings.failedLoginWindow();
	}

	void checkAllowed(String email) {
		Instant now = clock.instant();
		Deque<Instant> recent = failures.get(email);
		if (recent == null) {
			return;
		}
		synchronized (recent) {
			prune(recent, now);
			if (recent.size() >= maxFailures) {
				Duration wait = Duration.between(now, recent.peekFirst().plus(window));
				long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
				throw new TooManyRequestsException(
						"Too many failed sign-in attempts for this account; try again in %d minute%s."
							.formatted(minutes, minutes == 1 ? "" : "s"),
						wait);
			}
		}
	}

	void recordFailure(String email) {
		if (failures.size() >= MAX_TRACKED_ADDRESSES) {
			failures.clear();
		}
		Deque<Instant> recent = failures.computeIfAbsent(email, key -> new ArrayDeque<>());
		synchronized (recent) {
			prune(recent, clock.instant());
			recent.addLast(clock.instant());
		}
	}

	void recordSuccess(String email) {
		failures.remove(email);
	}

	private void prune(Deque<Instant> recent, Instant now) {
		Instant oldestKept = now.minus(window);
		while (!recent.isEmpty() && !recent.peekFirst().isAfter(oldestKept)) {
			recent.removeFirst();
		}
	}

}
