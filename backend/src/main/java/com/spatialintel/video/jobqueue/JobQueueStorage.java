package com.spatialintel.video.jobqueue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.spring.autoconfigure.JobRunrProperties;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.StorageProviderUtils.DatabaseOptions;
import org.jobrunr.storage.sql.common.SqlStorageProviderFactory;

import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JobRunr's queue on our database, as its Spring Boot starter would make it, except that creating
 * and migrating JobRunr's own tables is done by one process at a time. JobRunr's own guard (a lock
 * row in its migrations table) did not hold when one web and two worker processes started at once
 * on an empty database: one of them stopped with "relation jobrunr_job_counters does not exist" in
 * migration v005 (ComposeTopologyIT, 2026-12-01). On PostgreSQL a session advisory lock is now held
 * while JobRunr migrates; the nodes that waited find the tables made. The embedded H2 file belongs
 * to one process anyway.
 * <p>
 * Under the same lock, on PostgreSQL, the trigger that notifies {@link EnqueuedJobListener#CHANNEL}
 * whenever a job row becomes {@code ENQUEUED} (created so, or moved there from scheduled or failed)
 * is put on JobRunr's job table. A trigger, not a call after each enqueue: it covers every path
 * into the queue (ours, JobRunr's retries, recurring jobs), and PostgreSQL sends the notification
 * only when the enqueue commits.
 */
@Configuration(proxyBeanMethods = false)
class JobQueueStorage {

	/** Any constant shared by every node; {@code 'siv:jobrunr'} as a number. */
	static final long MIGRATION_LOCK = 0x7369763a6a6f6272L;

	@Bean(name = "storageProvider", destroyMethod = "close")
	@DependsOnDatabaseInitialization
	StorageProvider storageProvider(DataSource dataSource, JobMapper jobMapper, JobRunrProperties properties)
			throws SQLException {
		DatabaseOptions options = properties.getDatabase().isSkipCreate() ? DatabaseOptions.SKIP_CREATE
				: DatabaseOptions.CREATE;
		StorageProvider storage;
		try (Connection lock = dataSource.getConnection()) {
			boolean postgres = "PostgreSQL".equals(lock.getMetaData().getDatabaseProductName());
			if (postgres) {
				advisory(lock, "SELECT pg_advisory_lock(?)");
			}
			try {
				storage = SqlStorageProviderFactory.using(dataSource, properties.getDatabase().getTablePrefix(), options);
				if (postgres) {
					notifyOnEnqueue(lock, properties.getDatabase().getTablePrefix());
				}
			}
			finally {
				if (postgres) {
					advisory(lock, "SELECT pg_advisory_unlock(?)");
				}
			}
		}
		storage.setJobMapper(jobMapper);
		return storage;
	}

	/** The function is replaced at every start (a new body takes effect); the trigger is made once. */
	static void notifyOnEnqueue(Connection connection, String tablePrefix) throws SQLException {
		String table = (tablePrefix == null ? "" : tablePrefix) + "jobrunr_jobs";
		try (Statement statement = connection.createStatement()) {
			statement.execute("""
					CREATE OR REPLACE FUNCTION siv_jobrunr_enqueued() RETURNS trigger LANGUAGE plpgsql AS $$
					BEGIN
					  IF TG_OP = 'INSERT' OR OLD.state IS DISTINCT FROM NEW.state THEN
					    PERFORM pg_notify('%s', '');
					  END IF;
					  RETURN NULL;
					END $$""".formatted(EnqueuedJobListener.CHANNEL));
			try (ResultSet exists = statement.executeQuery("""
					SELECT 1 FROM pg_trigger WHERE tgname = 'siv_jobrunr_enqueued' AND tgrelid = '%s'::regclass
					""".formatted(table))) {
				if (exists.next()) {
					return;
				}
			}
			statement.execute("""
					CREATE TRIGGER siv_jobrunr_enqueued AFTER INSERT OR UPDATE OF state ON %s
					FOR EACH ROW WHEN (NEW.state = 'ENQUEUED') EXECUTE FUNCTION siv_jobrunr_enqueued()
					""".formatted(table));
		}
	}

	private static void advisory(Connection connection, String sql) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setLong(1, MIGRATION_LOCK);
			statement.execute();
		}
	}

}
