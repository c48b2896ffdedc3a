package com.spatialintel.video.testing;

import java.util.List;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Sets up the real services for one test run and removes what the run made: a PostgreSQL database
 * of its own, an S3Proxy on a free port, and the local Redis (whose failed sign-ins of this run,
 * under a prefix of its own, are deleted at the end). The app under test finds them through the same environment
 * variables as in production ({@code DATABASE_URL}, {@code S3_ENDPOINT}, {@code REDIS_URL}).
 */
public class TestSession implements LauncherSessionListener {

	static final String REDIS_URL = System.getenv().getOrDefault("TEST_REDIS_URL", "redis://127.0.0.1:6379");

	/** Where this run's failed sign-ins are kept in Redis (AuthSettings.failedLoginKeyPrefix). */
	public static final String FAILED_LOGINS_PREFIX = "app.auth.failed-login-key-prefix";

	private String database;

	@Override
	public void launcherSessionOpened(LauncherSession session) {
		if (UnitLayer.running()) {
			return;
		}
		TestDatabase.dropAbandoned();
		database = TestDatabase.create("siv_test");
		TestS3Server.startForSession();
		System.setProperty("DATABASE_URL", TestDatabase.jdbcUrl(database));
		System.setProperty("S3_ENDPOINT", TestS3Server.endpoint());
		System.setProperty("S3_ACCESS_KEY", TestS3Server.ACCESS_KEY);
		System.setProperty("S3_SECRET_KEY", TestS3Server.SECRET_KEY);
		System.setProperty("REDIS_URL", REDIS_URL);
		// failed sign-ins of this run are its own, and every test signs in from 127.0.0.1: the
		// per-client limit is for LoginLimitTests to try
		System.setProperty(FAILED_LOGINS_PREFIX, "login-failures:" + database + ":");
		System.setProperty("MAX_FAILED_LOGINS_PER_CLIENT", "100000");
	}

	@Override
	public void launcherSessionClosed(LauncherSession session) {
		if (database == null) {
			return;
		}
		TestDatabase.drop(database);
		TestDatabase.dropSessionDatabases();
		TestS3Server.stopForSession();
		TestVideos.deleteAll();
		deleteFailedLoginsOfThisRun();
		List.of("DATABASE_URL", "S3_ENDPOINT", "S3_ACCESS_KEY", "S3_SECRET_KEY", "REDIS_URL", FAILED_LOGINS_PREFIX,
				"MAX_FAILED_LOGINS_PER_CLIENT").forEach(System::clearProperty);
		database = null;
	}

	private static void deleteFailedLoginsOfThisRun() {
		String prefix = System.getProperty(FAILED_LOGINS_PREFIX);
		RedisClient client = RedisClient.create(REDIS_URL);
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			List<String> keys = connection.sync().keys(prefix + "*");
			if (!keys.isEmpty()) {
				connection.sync().del(keys.toArray(String[]::new));
			}
		}
		finally {
			client.shutdown();
		}
	}

}
