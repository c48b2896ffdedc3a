package com.spatialintel.video.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.spatialintel.video.database.DbTime;
import com.spatialintel.video.video.VideoFiles;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test data builders: a video or a processing job in a given state, written straight to the
 * database, for tests of what happens to rows (the watchdog, listings, clean-ups) that need no clip
 * uploaded and encoded to get there. Each builder starts as the common case and is changed where a
 * test needs it; {@code insert()} writes the row and returns its id.
 */
public final class Rows {

	private final JdbcClient jdbc;

	private final Clock clock;

	/** Rows whose times are {@code clock}'s now unless a test says otherwise. */
	public Rows(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** An uploaded video on the pin whose proxy job is still to come, uploaded now. */
	public VideoRow video(UUID mallId, UUID pinId) {
		return new VideoRow(mallId, pinId);
	}

	/** A pending proxy job of the video, queued now and never handed to the queue. */
	public JobRow job(UUID videoId) {
		return new JobRow(videoId);
	}

	public final class VideoRow {

		private final UUID id = UUID.randomUUID();

		private final UUID mallId;

		private final UUID pinId;

		private final Instant uploadedAt = clock.instant();

		private String processingStatus = "pending";

		private Instant processingStartedAt;

		private Instant recordedAt;

		private Double durationSeconds;

		private boolean withProxy;

		private VideoRow(UUID mallId, UUID pinId) {
			this.mallId = mallId;
			this.pinId = pinId;
		}

		/** Where its original is (or would be) in the bucket. */
		public String originalKey() {
			return new VideoFiles(mallId, pinId, id).original();
		}

		/** Being processed since {@code startedAt}. */
		public VideoRow running(Instant startedAt) {
			this.processingStatus = "running";
			this.processingStartedAt = startedAt;
			return this;
		}

		/** Recorded from {@code at} for {@code seconds} (null: a time, or a duration, is unknown), as the operator said. */
		public VideoRow recorded(Instant at, Double seconds) {
			this.recordedAt = at;
			this.durationSeconds = seconds;
			return this;
		}

		/** Processed: it has its proxy and its poster. */
		public VideoRow processed() {
			this.processingStatus = "completed";
			this.withProxy = true;
			return this;
		}

		/** Its processing failed. */
		public VideoRow failed() {
			this.processingStatus = "failed";
			return this;
		}

		public UUID insert() {
			OffsetDateTime when = DbTime.of(uploadedAt);
			VideoFiles files = new VideoFiles(mallId, pinId, id);
			jdbc.sql("""
					INSERT INTO videos (id, mall_id, pin_id, filename, file_size_bytes, checksum_sha256, upload_status,
					    processing_status, original_path, uploaded_at, processing_started_at, created_at, updated_at,
					    recorded_at, recorded_at_source, duration_seconds, proxy_path, poster_path)
					VALUES (?, ?, ?, ?, 1000000, ?, 'uploaded', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(id, mallId, pinId, "cam-" + id.toString().substring(0, 8) + ".mp4",
						TestVideos.sha256Of(id.toString()), processingStatus, originalKey(), when,
						processingStartedAt == null ? null : DbTime.of(processingStartedAt), when, when,
						DbTime.of(recordedAt), recordedAt == null ? null : "operator", durationSeconds,
						withProxy ? files.proxy() : null, withProxy ? files.poster() : null)
				.update();
			return id;
		}

	}

	public final class JobRow {

		private final UUID id = UUID.randomUUID();

		private final UUID videoId;

		private String status = "pending";

		private Instant queuedAt = clock.instant();

		private Instant startedAt;

		private Instant heartbeatAt;

		private String workerHostname;

		private int attempts;

		private JobRow(UUID videoId) {
			this.videoId = videoId;
		}

		public JobRow queuedAt(Instant queuedAt) {
			this.queuedAt = queuedAt;
			return this;
		}

		/** Taken by {@code worker-a} at {@code startedAt}, which last reported at {@code heartbeatAt}. */
		public JobRow running(Instant startedAt, Instant heartbeatAt) {
			this.status = "running";
			this.startedAt = startedAt;
			this.heartbeatAt = heartbeatAt;
			this.workerHostname = "worker-a";
			this.attempts = 1;
			return this;
		}

		/** Writes the job and makes it the video's current one. */
		public UUID insert() {
			jdbc.sql("""
					INSERT INTO processing_jobs (id, video_id, job_type, status, worker_hostname, progress,
					    heartbeat_at, queued_at, started_at, attempts)
					VALUES (?, ?, 'proxy', ?, ?, 0, ?, ?, ?, ?)""")
				.params(id, videoId, status, workerHostname, heartbeatAt == null ? null : DbTime.of(heartbeatAt),
						DbTime.of(queuedAt), startedAt == null ? null : DbTime.of(startedAt), attempts)
				.update();
			jdbc.sql("UPDATE videos SET processing_job_id = ? WHERE id = ?").params(id, videoId).update();
			return id;
		}

	}

}
