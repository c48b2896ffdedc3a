package com.spatialintel.video.processing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

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

	private static void advisory(Connection connection, String sql) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setLong(1, MIGRATION_LOCK);
			statement.execute();
		}
	}

}
