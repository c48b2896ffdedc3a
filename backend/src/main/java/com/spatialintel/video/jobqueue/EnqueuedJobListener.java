package com.spatialintel.video.jobqueue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Listens on PostgreSQL for {@link #CHANNEL}, which the trigger on JobRunr's job table notifies on
 * every commit that enqueues a job (on any node), and wakes this node's job server for each.
 * <ul>
 * <li>It holds one connection of its own, outside the pool (a pooled one would be taken from
 * requests for good), named {@value #APPLICATION_NAME} in {@code pg_stat_activity}.</li>
 * <li>When the connection is lost (a database restart, a network cut) it connects again, backing
 * off from {@link #FIRST_RETRY} to {@link #LAST_RETRY}, and wakes the server once when it is back:
 * a job enqueued meanwhile was not notified to it.</li>
 * <li>An idle connection is checked every {@link #CHECK_EVERY}, so a connection that died silently
 * is noticed.</li>
 * </ul>
 */
final class EnqueuedJobListener implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(EnqueuedJobListener.class);

	static final String CHANNEL = "siv_jobs_enqueued";

	static final String APPLICATION_NAME = "siv-job-wake-up";

	static final Duration FIRST_RETRY = Duration.ofMillis(500);

	static final Duration LAST_RETRY = Duration.ofSeconds(5);

	static final Duration CHECK_EVERY = Duration.ofSeconds(30);

	/** How long one wait for notifications lasts; a stop is noticed within it. */
	static final Duration WAIT = Duration.ofSeconds(1);

	private final String url;

	private final Properties credentials;

	private final JobWakeUp wakeUp;

	private volatile boolean running;

	EnqueuedJobListener(String url, String user, String password, JobWakeUp wakeUp) {
		this.url = url;
		this.credentials = new Properties();
		if (user != null) {
			credentials.setProperty("user", user);
		}
		if (password != null) {
			credentials.setProperty("password", password);
		}
		credentials.setProperty("ApplicationName", APPLICATION_NAME);
		credentials.setProperty("tcpKeepAlive", "true");
		credentials.setProperty("connectTimeout", "5");
		this.wakeUp = wakeUp;
	}

	@Override
	public synchronized void start() {
		running = true;
		Thread thread = new Thread(this::listen, "job-enqueued-listener");
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public synchronized void stop() {
		// the listening thread closes its connection within one wait; closing it from here would
		// wait for the driver's lock, which a wait holds
		running = false;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void listen() {
		Duration retry = FIRST_RETRY;
		boolean lost = false;
		while (running) {
			try (Connection listening = DriverManager.getConnection(url, credentials)) {
				try (Statement statement = listening.createStatement()) {
					statement.execute("LISTEN " + CHANNEL);
				}
				if (lost) {
					log.info("Listening for enqueued jobs again; looking for the jobs enqueued meanwhile");
				}
				lost = false;
				retry = FIRST_RETRY;
				// jobs may have been enqueued while nobody listened (the first time: before this node started)
				wakeUp.wake();
				hear(listening.unwrap(PGConnection.class), listening);
			}
			catch (SQLException | RuntimeException ex) {
				if (!running) {
					return;
				}
				if (!lost) {
					log.warn("Listening for enqueued jobs stopped ({}); jobs start at the next poll until it is back",
							ex.getMessage());
					lost = true;
				}
				sleep(retry);
				retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
			}
		}
	}

	private void hear(PGConnection notifications, Connection listening) throws SQLException {
		long quietSince = System.nanoTime();
		while (running) {
			PGNotification[] heard = notifications.getNotifications((int) WAIT.toMillis());
			if (heard != null && heard.length > 0) {
				wakeUp.wake();
				quietSince = System.nanoTime();
			}
			else if (System.nanoTime() - quietSince >= CHECK_EVERY.toNanos()) {
				if (!listening.isValid(5)) {
					throw new SQLException("the connection no longer answers");
				}
				quietSince = System.nanoTime();
			}
		}
	}

	private void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			running = false;
		}
	}

}
