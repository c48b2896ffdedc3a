package com.spatialintel.video.jobqueue;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.jobrunr.server.BackgroundJobServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps this node's job server running. JobRunr's open-source server stops itself for good when
 * its database goes away: its heartbeat fails once ("An unrecoverable error occurred. Shutting
 * down") or its tasks fail six times in a row, and nothing starts it again. This starts it again
 * once the database answers, within {@link #CHECK_EVERY_SECONDS} of that; no job is lost or run twice,
 * since a job the stop interrupted is handed out again by JobRunr's orphan check and taken up by
 * the pipeline only after its worker fell silent ({@code ProcessingJobRepository.retakeSilent}).
 * A node whose server does not come back for {@link #GIVE_UP_AFTER} while the database answers
 * says so and exits with status 1, so that its orchestrator ({@code restart: unless-stopped})
 * starts it afresh.
 */
@Component
class JobServerSupervisor {

	private static final Logger log = LoggerFactory.getLogger(JobServerSupervisor.class);

	static final long CHECK_EVERY_SECONDS = 5;

	static final Duration GIVE_UP_AFTER = Duration.ofMinutes(3);

	static final int EXIT_STATUS = 1;

	private final ObjectProvider<BackgroundJobServer> server;

	private final DataSource dataSource;

	private final ApplicationContext context;

	private volatile boolean closing;

	/** Since when the database has answered while the server was down (System.nanoTime); 0: not so. */
	private long downWithDatabaseSince;

	private boolean down;

	JobServerSupervisor(ObjectProvider<BackgroundJobServer> server, DataSource dataSource, ApplicationContext context) {
		this.server = server;
		this.dataSource = dataSource;
		this.context = context;
	}

	@EventListener(ContextClosedEvent.class)
	void closing() {
		closing = true;
	}

	@Scheduled(fixedDelay = CHECK_EVERY_SECONDS, initialDelay = CHECK_EVERY_SECONDS, timeUnit = TimeUnit.SECONDS)
	synchronized void keepRunning() {
		BackgroundJobServer jobServer = server.getIfAvailable();
		if (jobServer == null || closing) {
			return;
		}
		if (jobServer.isRunning()) {
			if (down) {
				log.warn("The job server is running again: this node processes jobs");
			}
			down = false;
			downWithDatabaseSince = 0;
			return;
		}
		if (!down) {
			log.warn("The job server stopped (its database could not be reached); it is started again once the database answers");
			down = true;
		}
		if (!databaseAnswers()) {
			downWithDatabaseSince = 0;
			return;
		}
		if (downWithDatabaseSince == 0) {
			downWithDatabaseSince = System.nanoTime();
		}
		else if (System.nanoTime() - downWithDatabaseSince > GIVE_UP_AFTER.toNanos()) {
			giveUp();
			return;
		}
		try {
			jobServer.start();
		}
		catch (RuntimeException ex) {
			log.warn("Starting the job server again failed; trying again in {} s", CHECK_EVERY_SECONDS, ex);
		}
	}

	private boolean databaseAnswers() {
		try (Connection connection = dataSource.getConnection()) {
			return connection.isValid(2);
		}
		catch (SQLException | RuntimeException ex) {
			return false;
		}
	}

	private void giveUp() {
		log.error("The job server could not be started again for {} min although the database answers; "
				+ "this node exits with status {} so that its orchestrator starts it afresh", GIVE_UP_AFTER.toMinutes(),
				EXIT_STATUS);
		closing = true;
		// not on the scheduler's thread, which closing the context stops
		new Thread(() -> System.exit(SpringApplication.exit(context, () -> EXIT_STATUS)), "job-server-exit").start();
	}

}
