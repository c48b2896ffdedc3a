package com.spatialintel.video.database;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.spatialintel.video.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one set of migrations applies from empty on both databases and enforces the schema's rules. */
class MigrationTests {

	private String postgresDatabase;

	private JdbcClient jdbc;

	@AfterEach
	void dropDatabase() {
		if (postgresDatabase != null) {
			TestDatabase.drop(postgresDatabase);
		}
	}

	@ParameterizedTest
	@EnumSource(SqlDialect.class)
	void migrationsApplyFromEmptyAndCreateEveryTableAndIndex(SqlDialect dialect) {
		migrate(dialect);

		assertThat(jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
			.query(String.class)
			.list()).contains("malls", "camera_pins", "users", "user_mall_access", "videos", "processing_jobs");
		assertThat(indexNames(dialect)).contains("idx_videos_pin_id", "idx_videos_mall_id", "idx_videos_status",
				"idx_videos_uploaded_at", "idx_videos_checksum", "idx_videos_recorded_at", "idx_jobs_video_id",
				"idx_jobs_status", "idx_jobs_task_id", "idx_jobs_video_type");
		assertThat(columns("videos")).contains("id", "mall_id", "pin_id", "filename", "file_size_bytes",
				"duration_seconds", "original_path", "proxy_path", "checksum_sha256", "recorded_at", "operator_notes",
				"uploaded_by_user_id", "width", "height", "fps", "codec", "upload_status", "processing_status",
				"processing_job_id", "processing_error", "uploaded_at", "processing_started_at",
				"processing_completed_at", "created_at", "updated_at", "s3_upload_id", "part_size_bytes", "total_parts",
				"upload_expires_at");
		assertThat(columns("processing_jobs")).contains("id", "video_id", "job_type", "status", "task_id",
				"worker_hostname", "progress", "heartbeat_at", "result_data", "error_message", "queued_at", "started_at",
				"completed_at");
	}

	@ParameterizedTest
	@EnumSource(SqlDialect.class)
	void aSecondVideoWithTheSameChecksumOnTheSamePinIsRejected(SqlDialect dialect) {
		migrate(dialect);
		UUID mall = insertMall();
		UUID pin = insertPin(mall);
		UUID otherPin = insertPin(mall);
		String checksum = "a".repeat(64);
		insertVideo(mall, pin, checksum, "uploaded");

		assertThatThrownBy(() -> insertVideo(mall, pin, checksum, "uploading"))
			.satisfies(ex -> assertThat(sqlState(ex)).isEqualTo("23505"));
		insertVideo(mall, otherPin, checksum, "uploaded");
	}

	@ParameterizedTest
	@EnumSource(SqlDialect.class)
	void statusesAreChecked(SqlDialect dialect) {
		migrate(dialect);
		UUID mall = insertMall();
		UUID pin = insertPin(mall);

		assertThatThrownBy(() -> insertVideo(mall, pin, "b".repeat(64), "uploaded-ish"))
			.satisfies(ex -> assertThat(sqlState(ex)).startsWith("23"));
		UUID video = insertVideo(mall, pin, "c".repeat(64), "uploaded");
		assertThatThrownBy(() -> insertJob(video, "sleeping", dialect))
			.satisfies(ex -> assertThat(sqlState(ex)).startsWith("23"));
		assertThatThrownBy(() -> insertJob(video, "dancing", "pending", dialect))
			.satisfies(ex -> assertThat(sqlState(ex)).startsWith("23"));
		insertJob(video, "proxy", "completed", dialect);
		insertJob(video, "proxy", "pending", dialect);
	}

	@ParameterizedTest
	@EnumSource(SqlDialect.class)
	void aVideoCannotSitOnAnotherMallsPin(SqlDialect dialect) {
		migrate(dialect);
		UUID mallA = insertMall();
		UUID pinOfB = insertPin(insertMall());

		assertThatThrownBy(() -> insertVideo(mallA, pinOfB, "d".repeat(64), "uploading"))
			.satisfies(ex -> assertThat(sqlState(ex)).startsWith("23"));
	}

	@ParameterizedTest
	@EnumSource(SqlDialect.class)
	void deletingAVideoDeletesItsJobsButAPinWithFootageCannotBeDeleted(SqlDialect dialect) {
		migrate(dialect);
		UUID mall = insertMall();
		UUID pin = insertPin(mall);
		UUID video = insertVideo(mall, pin, "e".repeat(64), "uploaded");
		UUID job = insertJob(video, "completed", dialect);
		jdbc.sql("UPDATE videos SET processing_job_id = ? WHERE id = ?").params(job, video).update();

		assertThatThrownBy(() -> jdbc.sql("DELETE FROM camera_pins WHERE id = ?").param(pin).update())
			.satisfies(ex -> assertThat(sqlState(ex)).startsWith("23"));
		assertThat(jdbc.sql("SELECT result_data FROM processing_jobs WHERE id = ?").param(job).query(String.class).single())
			.contains("proxy.mp4");

		jdbc.sql("DELETE FROM videos WHERE id = ?").param(video).update();

		assertThat(jdbc.sql("SELECT COUNT(*) FROM processing_jobs WHERE video_id = ?").param(video).query(Long.class).single())
			.isZero();
	}

	private void migrate(SqlDialect dialect) {
		String url = switch (dialect) {
			case POSTGRESQL -> {
				postgresDatabase = TestDatabase.create("siv_migration");
				yield TestDatabase.jdbcUrl(postgresDatabase);
			}
			case H2 -> "jdbc:h2:mem:" + UUID.randomUUID() + SqlDialect.H2_OPTIONS + ";DB_CLOSE_DELAY=-1";
		};
		DataSource dataSource = new DriverManagerDataSource(url);
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration")
			.placeholders(Map.of("json_type", dialect.jsonColumnType()))
			.load()
			.migrate();
		jdbc = JdbcClient.create(dataSource);
	}

	private List<String> indexNames(SqlDialect dialect) {
		String sql = switch (dialect) {
			case POSTGRESQL -> "SELECT indexname FROM pg_indexes WHERE schemaname = 'public'";
			case H2 -> "SELECT index_name FROM information_schema.indexes WHERE table_schema = 'public'";
		};
		return jdbc.sql(sql).query(String.class).list();
	}

	private List<String> columns(String table) {
		return jdbc.sql("SELECT column_name FROM information_schema.columns WHERE table_name = ?")
			.param(table)
			.query(String.class)
			.list();
	}

	private UUID insertMall() {
		UUID id = UUID.randomUUID();
		jdbc.sql("INSERT INTO malls (id, name, created_at) VALUES (?, ?, ?)")
			.params(id, "Mall " + id, DbTime.of(Instant.now()))
			.update();
		return id;
	}

	private UUID insertPin(UUID mall) {
		UUID id = UUID.randomUUID();
		jdbc.sql("INSERT INTO camera_pins (id, mall_id, name, created_at) VALUES (?, ?, ?, ?)")
			.params(id, mall, "Pin " + id, DbTime.of(Instant.now()))
			.update();
		return id;
	}

	private UUID insertVideo(UUID mall, UUID pin, String checksum, String uploadStatus) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO videos (id, mall_id, pin_id, filename, file_size_bytes, checksum_sha256, upload_status,
				                    processing_status, created_at, updated_at)
				VALUES (?, ?, ?, 'clip.mp4', 1000, ?, ?, 'pending', ?, ?)""")
			.params(id, mall, pin, checksum, uploadStatus, DbTime.of(Instant.now()), DbTime.of(Instant.now()))
			.update();
		return id;
	}

	private UUID insertJob(UUID video, String status, SqlDialect dialect) {
		return insertJob(video, "proxy", status, dialect);
	}

	private UUID insertJob(UUID video, String type, String status, SqlDialect dialect) {
		UUID id = UUID.randomUUID();
		jdbc.sql("INSERT INTO processing_jobs (id, video_id, job_type, status, result_data, queued_at) VALUES (?, ?, ?, ?, "
				+ dialect.jsonParameter() + ", ?)")
			.params(id, video, type, status, "{\"proxy_path\": \"m/p/v/proxy.mp4\"}", DbTime.of(Instant.now()))
			.update();
		return id;
	}

	private static String sqlState(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql) {
				return sql.getSQLState();
			}
		}
		return "no SQLException in " + ex;
	}

}
