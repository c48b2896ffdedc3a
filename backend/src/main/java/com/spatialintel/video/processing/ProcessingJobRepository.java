package com.spatialintel.video.processing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.spatialintel.video.database.DbTime;
import com.spatialintel.video.database.SqlDialect;
import com.spatialintel.video.runtime.RuntimeSettings;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The only code that touches {@code processing_jobs}. Every state change names the state it
 * leaves ({@code WHERE status = ?}) and is checked against {@link JobStatus}'s table, so two
 * workers can never both win.
 */
@Repository
class ProcessingJobRepository {

	private static final String COLUMNS = """
			id, video_id, job_type, status, task_id, worker_hostname, progress, heartbeat_at, result_data,
			error_message, queued_at, started_at, completed_at, attempts""";

	/** A job that has not ended: waiting for a worker or running. */
	private static final String ACTIVE = "status IN ('pending', 'running')";

	private final JdbcClient jdbc;

	private final SqlDialect dialect;

	ProcessingJobRepository(JdbcClient jdbc, RuntimeSettings runtime) {
		this.jdbc = jdbc;
		this.dialect = runtime.sqlDialect();
	}

	void insertPending(UUID id, UUID videoId, JobType type, Instant now) {
		jdbc.sql("""
				INSERT INTO processing_jobs (id, video_id, job_type, status, progress, queued_at)
				VALUES (?, ?, ?, 'pending', 0, ?)""")
			.params(id, videoId, type.value(), DbTime.of(now))
			.update();
	}

	Optional<ProcessingJob> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM processing_jobs WHERE id = ?")
			.param(id)
			.query(ProcessingJobRepository::map)
			.optional();
	}

	/** Whether the video has a job of this type waiting or running. */
	boolean hasActive(UUID videoId, JobType type) {
		return jdbc.sql("SELECT COUNT(*) FROM processing_jobs WHERE video_id = ? AND job_type = ? AND " + ACTIVE)
			.params(videoId, type.value())
			.query(Long.class)
			.single() > 0;
	}

	/** The video's jobs of every type that are waiting or running. */
	List<UUID> findActive(UUID videoId) {
		return jdbc.sql("SELECT id FROM processing_jobs WHERE video_id = ? AND " + ACTIVE)
			.param(videoId)
			.query(UUID.class)
			.list();
	}

	void setTaskId(UUID id, String taskId) {
		jdbc.sql("UPDATE processing_jobs SET task_id = ? WHERE id = ?").params(taskId, id).update();
	}

	/** pending → running for this worker; false when another worker (or a cancel) got there first. */
	boolean claim(UUID id, String workerHostname, Instant now) {
		return jdbc.sql("""
				UPDATE processing_jobs SET status = 'running', worker_hostname = ?, started_at = ?, heartbeat_at = ?,
				       progress = 0, attempts = attempts + 1, error_message = NULL, completed_at = NULL
				WHERE id = ? AND status = 'pending'""")
			.params(workerHostname, DbTime.of(now), DbTime.of(now), id)
			.update() == 1;
	}

	/**
	 * running → pending for a job whose worker went silent (no heartbeat since {@code silentSince}); a
	 * job whose worker is alive is left alone, so a second worker can never take it from the first.
	 */
	boolean retakeSilent(UUID id, Instant silentSince, String reason) {
		check(JobStatus.RUNNING, JobStatus.PENDING);
		return jdbc.sql("""
				UPDATE processing_jobs SET status = 'pending', error_message = ?
				WHERE id = ? AND status = 'running' AND (heartbeat_at IS NULL OR heartbeat_at < ?)""")
			.params(reason, id, DbTime.of(silentSince))
			.update() == 1;
	}

	/**
	 * Running jobs started before {@code startedBefore}, or whose last sign of life (heartbeat, else
	 * start) is older than {@code silentSince}.
	 */
	List<ProcessingJob> findRunningStuck(Instant startedBefore, Instant silentSince) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM processing_jobs
				WHERE status = 'running' AND (started_at <= ? OR COALESCE(heartbeat_at, started_at) <= ?)
				ORDER BY started_at""")
			.params(DbTime.of(startedBefore), DbTime.of(silentSince))
			.query(ProcessingJobRepository::map)
			.list();
	}

	/** Pending jobs that never reached the queue (no task id), recorded before {@code queuedBefore}. */
	List<UUID> findUnqueued(Instant queuedBefore) {
		return jdbc.sql("""
				SELECT id FROM processing_jobs
				WHERE status = 'pending' AND task_id IS NULL AND queued_at <= ?
				ORDER BY queued_at""")
			.param(DbTime.of(queuedBefore))
			.query(UUID.class)
			.list();
	}

	JobQueueState queueState() {
		return jdbc.sql("""
				SELECT (SELECT COUNT(*) FROM processing_jobs WHERE status = 'pending') AS waiting,
				       (SELECT MIN(COALESCE(started_at, queued_at)) FROM processing_jobs WHERE status = 'pending') AS oldest,
				       (SELECT MAX(started_at) FROM processing_jobs) AS last_started,
				       (SELECT MAX(heartbeat_at) FROM processing_jobs WHERE status = 'running') AS last_heartbeat""")
			.query((rs, row) -> new JobQueueState(rs.getInt("waiting"), DbTime.read(rs, "oldest"),
					DbTime.read(rs, "last_started"), DbTime.read(rs, "last_heartbeat")))
			.single();
	}

	/** Progress of a running job; false when it is no longer running here (cancelled or deleted). */
	boolean heartbeat(UUID id, int progress, Instant now) {
		return jdbc.sql("UPDATE processing_jobs SET progress = ?, heartbeat_at = ? WHERE id = ? AND status = 'running'")
			.params(progress, DbTime.of(now), id)
			.update() == 1;
	}

	boolean complete(UUID id, String resultJson, Instant now) {
		check(JobStatus.RUNNING, JobStatus.COMPLETED);
		return jdbc.sql("UPDATE processing_jobs SET status = 'completed', progress = 100, result_data = "
				+ dialect.jsonParameter() + ", completed_at = ?, heartbeat_at = ? WHERE id = ? AND status = 'running'")
			.params(resultJson, DbTime.of(now), DbTime.of(now), id)
			.update() == 1;
	}

	/** Any other change of state: from → to, with an error message (null to keep none). */
	boolean transition(UUID id, JobStatus from, JobStatus to, String errorMessage, Instant now) {
		check(from, to);
		Instant completedAt = to.isFinal() ? now : null;
		return jdbc.sql("UPDATE processing_jobs SET status = ?, error_message = ?, completed_at = ? WHERE id = ? AND status = ?")
			.params(to.value(), errorMessage, DbTime.of(completedAt), id, from.value())
			.update() == 1;
	}

	private static void check(JobStatus from, JobStatus to) {
		if (!from.mayBecome(to)) {
			throw new IllegalStateException("A processing job may not go from " + from + " to " + to);
		}
	}

	private static ProcessingJob map(ResultSet rs, int row) throws SQLException {
		return new ProcessingJob(rs.getObject("id", UUID.class), rs.getObject("video_id", UUID.class),
				JobType.of(rs.getString("job_type")), JobStatus.of(rs.getString("status")), rs.getString("task_id"),
				rs.getString("worker_hostname"), rs.getInt("progress"), DbTime.read(rs, "heartbeat_at"),
				rs.getString("result_data"), rs.getString("error_message"), DbTime.read(rs, "queued_at"),
				DbTime.read(rs, "started_at"), DbTime.read(rs, "completed_at"), rs.getInt("attempts"));
	}

}
