package com.spatialintel.video.processing;

import java.time.Clock;
import java.util.UUID;

import com.spatialintel.video.system.DbTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** What other modules may do with processing jobs. */
@Service
public class ProcessingJobs {

	private final JdbcClient jdbc;

	private final Clock clock;

	ProcessingJobs(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Records a job that waits for a worker; joins the caller's transaction. */
	public UUID createPending(UUID videoId, JobType type) {
		UUID jobId = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO processing_jobs (id, video_id, job_type, status, progress, queued_at)
				VALUES (?, ?, ?, 'pending', 0, ?)""")
			.params(jobId, videoId, type.value(), DbTime.of(clock.instant()))
			.update();
		return jobId;
	}

}
