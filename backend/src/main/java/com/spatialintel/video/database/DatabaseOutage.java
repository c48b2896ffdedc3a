package com.spatialintel.video.database;

import java.net.ConnectException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The database cannot be reached: every request that needs it is answered 503 with
 * {@code Retry-After} within the pool's connection timeout (2 s, {@code application.yml}), not a
 * 500 after 30 s, and the outage is logged once, not per request (again at most every
 * {@link #LOG_EVERY} while it lasts).
 */
public final class DatabaseOutage {

	public static final String SENTENCE = "The database cannot be reached at the moment, so nothing was read or changed. "
			+ "Try again in a few seconds.";

	public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

	static final Duration LOG_EVERY = Duration.ofMinutes(5);

	private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);

	private static final AtomicReference<Instant> lastLogged = new AtomicReference<>(Instant.EPOCH);

	private DatabaseOutage() {
	}

	/** Whether this failure, or one it wraps, is the database being unreachable (not a bad query). */
	public static boolean isCause(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
					|| cause instanceof SQLTransientConnectionException || cause instanceof ConnectException) {
				return true;
			}
		}
		return false;
	}

	public static void report(Throwable failure, Clock clock) {
		Instant now = clock.instant();
		Instant previous = lastLogged.get();
		if (Duration.between(previous, now).compareTo(LOG_EVERY) >= 0 && lastLogged.compareAndSet(previous, now)) {
			log.warn("The database cannot be reached; requests are answered 503 until it is back ({}). "
					+ "This is logged again at most every {} min while it lasts.", rootMessage(failure), LOG_EVERY.toMinutes());
		}
	}

	private static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

}
