package com.spatialintel.video.testing;

import java.util.List;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Sets up the real services for one test run and removes what the run made: a PostgreSQL database
 * of its own, an S3Proxy on a free port, and the local Redis (whose {@code upload:*} keys of this
 * run are deleted at the end). The app under test finds them through the same environment
 * variables as in production ({@code DATABASE_URL}, {@code S3_ENDPOINT}, {@code REDIS_URL}).
 */
public class TestSession implements LauncherSessionListener {

	static final String REDIS_URL = System.getenv().getOrDefault("TEST_REDIS_URL", "redis://127.0.0.1:6379");

	private String database;

	@Override
	public void launcherSessionOpened(LauncherSession session) {
		TestDatabase.dropAbandoned();
		database = TestDatabase.create("siv_test");
		TestS3Server.startForSession();
		System.setProperty("DATABASE_URL", TestDatabase.jdbcUrl(database));
		System.setProperty("S3_ENDPOINT", TestS3Server.endpoint());
		System.setProperty("S3_ACCESS_KEY", TestS3Server.ACCESS_KEY);
		System.setProperty("S3_SECRET_KEY", TestS3Server.SECRET_KEY);
		System.setProperty("REDIS_URL", REDIS_URL);
	}

	@Override
	public void launcherSessionClosed(LauncherSession session) {
		if (database == null) {
			return;
		}
		deleteUploadSessionsOfThisRun();
		TestDatabase.drop(database);
		TestDatabase.dropSessionDatabases();
		TestS3Server.stopForSession();
		TestVideos.deleteAll();
		List.of("DATABASE_URL", "S3_ENDPOINT", "S3_ACCESS_KEY", "S3_SECRET_KEY", "REDIS_URL").forEach(System::clearProperty);
		database = null;
	}

	private void deleteUploadSessionsOfThisRun() {
		String url = TestDatabase.jdbcUrl(database);
		if (TestDatabase.query(url, "SELECT to_regclass('public.videos')").get(0) == null) {
			return;
		}
		List<String> videoIds = TestDatabase.query(url, "SELECT id FROM videos");
		if (videoIds.isEmpty()) {
			return;
		}
		RedisClient client = RedisClient.create(REDIS_URL);
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			connection.sync().del(videoIds.stream().map(id -> "upload:" + id).toArray(String[]::new));
		}
		finally {
			client.shutdown();
		}
	}

}
