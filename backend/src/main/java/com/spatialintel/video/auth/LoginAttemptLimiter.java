package com.spatialintel.video.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import com.spatialintel.video.errors.TooManyRequestsException;

import org.springframework.stereotype.Component;

/**
 * Slows password guessing two ways, over one sliding window ({@code failedLoginWindow}):
 * <ul>
 * <li>per account: after {@code maxFailedLogins} failures for one e-mail address, from anywhere;</li>
 * <li>per client: after {@code maxFailedLoginsPerClient} failures from one address, whatever
 * accounts they tried (password spraying: one password against many accounts).</li>
 * </ul>
 * Further attempts are refused with 429 until the oldest failure leaves the window. A success
 * clears its account's failures, never its client's. The counts are shared by every node through
 * Redis ({@link RedisFailedLogins}); accounts are kept as hashes of their address.
 */
@Component
class LoginAttemptLimiter {

	private final FailedLogins failures;

	private final Clock clock;

	private final int maxPerAccount;

	private final int maxPerClient;

	private final Duration window;

	LoginAttemptLimiter(AuthSettings settings, FailedLogins failures, Clock clock) {
		this.failures = failures;
		this.clock = clock;
		this.maxPerAccount = settings.maxFailedLogins();
		this.maxPerClient = settings.maxFailedLoginsPerClient();
		this.window = settings.failedLoginWindow();
	}

	void checkAllowed(String email, String client) {
		Instant now = clock.instant();
		refuseOver(failures.recent(clientKey(client), now, window), maxPerClient, now, "from your network address");
		refuseOver(failures.recent(accountKey(email), now, window), maxPerAccount, now, "for this account");
	}

	void recordFailure(String email, String client) {
		Instant now = clock.instant();
		failures.add(accountKey(email), now, window);
		failures.add(clientKey(client), now, window);
	}

	void recordSuccess(String email) {
		failures.forget(accountKey(email));
	}

	private void refuseOver(FailedLogins.Recent recent, int max, Instant now, String whose) {
		if (recent.count() < max) {
			return;
		}
		Duration wait = Duration.between(now, recent.oldest().plus(window));
		long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
		throw new TooManyRequestsException("Too many failed sign-in attempts %s; try again in %d minute%s."
			.formatted(whose, minutes, minutes == 1 ? "" : "s"), wait);
	}

	private static String accountKey(String email) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(email.getBytes(StandardCharsets.UTF_8));
			return "account:" + HexFormat.of().formatHex(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String clientKey(String client) {
		return "client:" + client;
	}

}
