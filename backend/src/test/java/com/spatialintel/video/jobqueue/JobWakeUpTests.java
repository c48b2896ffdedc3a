package com.spatialintel.video.jobqueue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.spatialintel.video.testing.IntegrationTest;
import com.spatialintel.video.testing.Jobs;
import com.spatialintel.video.testing.TenantFixture;
import com.spatialintel.video.testing.TestVideos;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An enqueued job starts at once, not at JobRunr's next poll: with the poll at 30 s here, each of
 * three uploads in a row must reach a worker within {@link #AT_ONCE} of being queued (without the
 * wake-up each would wait 0–30 s; three all within 5 s by chance is one in 200). This test is what
 * fails when a JobRunr upgrade breaks {@link WakeableJobServer}: the server is not made (its
 * steward has no {@code OnboardNewWorkTask}), or a fetch finds nothing. Then the listener's
 * connection is killed as a database restart would, and the next upload starts at once again.
 */
@IntegrationTest
@TestPropertySource(properties = { "APP_ROLE=all", "WORKER_CONCURRENCY=1",
		"jobrunr.background-job-server.poll-interval-in-seconds=30" })
class JobWakeUpTests extends TenantFixture {

	static final Duration AT_ONCE = Duration.ofSeconds(5);

	@Autowired
	DataSourceProperties database;

	@Test
	void aQueuedJobStartsAtOnceAndStillDoesAfterTheListenersConnectionIsKilled() throws SQLException {
		for (int i = 0; i < 3; i++) {
			assertStartsAtOnce("wake-" + i);
		}

		long killed = terminateListener();
		assertThat(killed).as("the listener's connection, by its application name").isEqualTo(1);
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
			.alias("the listener connects again")
			.until(() -> listeners() == 1);

		assertStartsAtOnce("after-kill");
	}

	private void assertStartsAtOnce(String name) {
		UUID jobId = UUID.fromString(uploads.uploadWhole(TestVideos.small(name, 160, 120, false)).text("job_id"));
		JsonNode job = Jobs.await(api, admin, jobId, started -> !started.path("started_at").isNull()
				&& !started.path("started_at").isMissingNode());
		Duration waited = Duration.between(Instant.parse(job.path("queued_at").asString()),
				Instant.parse(job.path("started_at").asString()));
		assertThat(waited).as("queued → started of %s (%s)", name, job).isLessThan(AT_ONCE);
		Jobs.await(api, admin, jobId, Jobs::isFinal);
	}

	private long terminateListener() throws SQLException {
		return count("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = '"
				+ EnqueuedJobListener.APPLICATION_NAME + "' AND datname = current_database()");
	}

	private long listeners() throws SQLException {
		return count("SELECT count(*) FROM pg_stat_activity WHERE application_name = '"
				+ EnqueuedJobListener.APPLICATION_NAME + "' AND datname = current_database()");
	}

	private long count(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(database.determineUrl(), database.determineUsername(),
				database.determinePassword());
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getLong(1);
		}
	}

}
