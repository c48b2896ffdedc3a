package com.spatialintel.video.video;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.UUID;

import com.spatialintel.video.database.DbTime;

import static com.spatialintel.video.video.ProcessingTransition.COMPLETE;
import static com.spatialintel.video.video.ProcessingTransition.FAIL;
import static com.spatialintel.video.video.ProcessingTransition.QUEUE;
import static com.spatialintel.video.video.ProcessingTransition.REPROCESS;
import static com.spatialintel.video.video.ProcessingTransition.REQUEUE;
import static com.spatialintel.video.video.ProcessingTransition.START;
import static com.spatialintel.video.video.UploadTransition.CLAIM_COMPLETION;
import static com.spatialintel.video.video.UploadTransition.RELEASE_COMPLETION;
import static com.spatialintel.video.video.UploadTransition.REMOVE_DELETED;
import static com.spatialintel.video.video.UploadTransition.REMOVE_UNFINISHED;
import static com.spatialintel.video.video.UploadTransition.REQUEST_DELETION;
import static com.spatialintel.video.video.UploadTransition.RESTART;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The only code that touches {@code videos}. Every change of state is conditional on the states it
 * leaves, its guard taken from {@link UploadTransition} or {@link ProcessingTransition} (and so
 * allowed by {@link UploadState}'s or {@link ProcessingStatus}'s table), so two nodes can never both win.
 */
@Repository
class VideoRepository {

	/** The upload is done and the video not being deleted: what every processing change requires. */
	private static final String UPLOADED = "(" + UploadState.UPLOADED.condition() + ")";

	private static final String COLUMNS = """
			id, mall_id, pin_id, filename, file_size_bytes, checksum_sha256, recorded_at, recorded_at_source, operator_notes,
			uploaded_by_user_id, width, height, fps, codec, duration_seconds, original_path, proxy_path, poster_path, previews_path,
			upload_status, processing_status, processing_job_id, processing_error, uploaded_at,
			processing_started_at, processing_completed_at, created_at, updated_at, s3_upload_id,
			part_size_bytes, total_parts, upload_expires_at, deletion_requested_at""";

	private final JdbcClient jdbc;

	VideoRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Video> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM videos WHERE id = ?").param(id).query(VideoRepository::map).optional();
	}

	Optional<Video> findByChecksumAndPin(String checksum, UUID pinId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM videos WHERE checksum_sha256 = ? AND pin_id = ?")
			.params(checksum, pinId)
			.query(VideoRepository::map)
			.optional();
	}

	/** @throws DuplicateKeyException when the pin already has a video with this checksum */
	void insertUploading(NewUpload upload, Instant now) {
		jdbc.sql("""
				INSERT INTO videos (id, mall_id, pin_id, filename, file_size_bytes, checksum_sha256, recorded_at,
				                    recorded_at_source, operator_notes, uploaded_by_user_id, upload_status,
				                    processing_status, created_at, updated_at, s3_upload_id, part_size_bytes, total_parts,
				                    upload_expires_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'uploading', 'pending', ?, ?, ?, ?, ?, ?)""")
			.params(upload.videoId(), upload.mallId(), upload.pinId(), upload.filename(), upload.fileSizeBytes(),
					upload.checksumSha256(), DbTime.of(upload.recordedAt()), operatorSource(upload),
					upload.operatorNotes(),
					upload.uploadedByUserId(), DbTime.of(now), DbTime.of(now), upload.multipart().s3UploadId(),
					upload.multipart().partSizeBytes(), upload.multipart().totalParts(),
					DbTime.of(upload.multipart().expiresAt()))
			.update();
	}

	/** A failed upload of the same file starts over on the same row. */
	boolean restartFailed(NewUpload upload, Instant now) {
		return jdbc.sql("""
				UPDATE videos SET filename = :filename, recorded_at = :recordedAt, recorded_at_source = :source,
				       operator_notes = :notes,
				       uploaded_by_user_id = :userId, upload_status = 'uploading', processing_status = 'pending',
				       processing_error = NULL, s3_upload_id = :s3UploadId, part_size_bytes = :partSize,
				       total_parts = :totalParts, upload_expires_at = :expiresAt, completing_until = NULL, updated_at = :now
				WHERE id = :id AND """ + RESTART.guard())
			.param("filename", upload.filename())
			.param("recordedAt", DbTime.of(upload.recordedAt()))
			.param("source", operatorSource(upload))
			.param("notes", upload.operatorNotes())
			.param("userId", upload.uploadedByUserId())
			.param("s3UploadId", upload.multipart().s3UploadId())
			.param("partSize", upload.multipart().partSizeBytes())
			.param("totalParts", upload.multipart().totalParts())
			.param("expiresAt", DbTime.of(upload.multipart().expiresAt()))
			.param("now", DbTime.of(now))
			.param("id", upload.videoId())
			.update() == 1;
	}

	/**
	 * The upload is stored and probed. Without the operator's recording time, {@code fileTime} (the
	 * file's own, already judged plausible, or null) becomes it, with {@code recorded_at_source = 'file'}.
	 */
	boolean markUploaded(UUID id, VideoMetadata metadata, Instant fileTime, String originalPath, Instant now) {
		return jdbc.sql("""
				UPDATE videos SET upload_status = 'uploaded', uploaded_at = :now, original_path = :originalPath,
				       recorded_at_source = CASE WHEN recorded_at IS NULL AND CAST(:fileTime AS TIMESTAMP WITH TIME ZONE) IS NOT NULL
				                                 THEN 'file' ELSE recorded_at_source END,
				       recorded_at = COALESCE(recorded_at, CAST(:fileTime AS TIMESTAMP WITH TIME ZONE)),
				       width = :width, height = :height, fps = :fps, codec = :codec, duration_seconds = :duration,
				       processing_status = 'pending', processing_job_id = NULL, processing_error = NULL,
				       completing_until = NULL, updated_at = :now
				WHERE id = :id AND """ + UploadTransition.COMPLETE.guard())
			.param("now", DbTime.of(now))
			.param("originalPath", originalPath)
			.param("fileTime", DbTime.of(fileTime))
			.param("width", metadata.width())
			.param("height", metadata.height())
			.param("fps", metadata.fps())
			.param("codec", metadata.codec())
			.param("duration", metadata.durationSeconds())
			.param("id", id)
			.update() == 1;
	}

	boolean attachProxyJob(UUID id, UUID jobId, Instant now) {
		return jdbc.sql("""
				UPDATE videos SET processing_job_id = ?, updated_at = ?
				WHERE id = ? AND processing_status = 'pending' AND """ + UPLOADED)
			.params(jobId, DbTime.of(now), id)
			.update() == 1;
	}

	boolean markUploadFailed(UUID id, String reason, Instant now) {
		return jdbc.sql("""
				UPDATE videos SET upload_status = 'failed', processing_error = :reason, completing_until = NULL,
				       updated_at = :now
				WHERE id = :id AND """ + UploadTransition.FAIL.guard())
			.param("reason", reason)
			.param("now", DbTime.of(now))
			.param("id", id)
			.update() == 1;
	}

	/** The proxy job was handed to the queue. */
	boolean markQueued(UUID id, Instant now) {
		return jdbc.sql("""
				UPDATE videos SET %s, updated_at = ?
				WHERE id = ? AND %s AND %s""".formatted(QUEUE.set(), UPLOADED, QUEUE.guard()))
			.params(DbTime.of(now), id)
			.update() == 1;
	}

	boolean markProcessingStarted(UUID id, Instant now) {
		return jdbc.sql("""
				UPDATE videos SET %s, processing_started_at = ?, processing_error = NULL, updated_at = ?
				WHERE id = ? AND %s""".formatted(START.set(), START.guard()))
			.params(DbTime.of(now), DbTime.of(now), id)
			.update() == 1;
	}

	/** A transient failure: the job will run again. */
	boolean markProcessingRequeued(UUID id, Instant now) {
		return jdbc.sql("""
				UPDATE videos SET %s, updated_at = ?
				WHERE id = ? AND %s""".formatted(REQUEUE.set(), REQUEUE.guard()))
			.params(DbTime.of(now), id)
			.update() == 1;
	}

	boolean markProcessingCompleted(UUID id, String proxyPath, String posterPath, String previewsPath, Instant now) {
		return jdbc.sql("""
				UPDATE videos SET %s, proxy_path = ?, poster_path = ?, previews_path = ?, processing_completed_at = ?,
				       processing_error = NULL, updated_at = ?
				WHERE id = ? AND %s""".formatted(COMPLETE.set(), COMPLETE.guard()))
			.params(proxyPath, posterPath, previewsPath, DbTime.of(now), DbTime.of(now), id)
			.update() == 1;
	}

	boolean markProcessingFailed(UUID id, String reason, Instant now) {
		return jdbc.sql("""
				UPDATE videos SET %s, processing_error = ?, processing_completed_at = ?, updated_at = ?
				WHERE id = ? AND %s""".formatted(FAIL.set(), FAIL.guard()))
			.params(reason, DbTime.of(now), DbTime.of(now), id)
			.update() == 1;
	}

	/** A finished (failed or completed) video gets a new proxy job; false while it is being processed. */
	boolean markReprocessing(UUID id, UUID jobId, Instant now) {
		return jdbc.sql("""
				UPDATE videos SET %s, processing_job_id = ?, processing_error = NULL, processing_started_at = NULL,
				       processing_completed_at = NULL, updated_at = ?
				WHERE id = ? AND %s AND %s"""
				.formatted(REPROCESS.set(), UPLOADED, REPROCESS.guard()))
			.params(jobId, DbTime.of(now), id)
			.update() == 1;
	}

	/**
	 * Uploads in progress (sending parts or being completed) whose upload started (or restarted, or
	 * was last claimed) at or before {@code startedBefore}, oldest first.
	 */
	List<Video> findUploadingSince(Instant startedBefore, Instant now, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM videos WHERE " + IN_PROGRESS
				+ " AND updated_at <= :startedBefore ORDER BY updated_at LIMIT :limit")
			.param("now", DbTime.of(now))
			.param("startedBefore", DbTime.of(startedBefore))
			.param("limit", limit)
			.query(VideoRepository::map)
			.list();
	}

	/** Whether an upload in progress (sending parts or being completed) uses this S3 multipart upload. */
	boolean isUploadInProgress(String s3UploadId, Instant now) {
		return jdbc.sql("SELECT COUNT(*) FROM videos WHERE s3_upload_id = :uploadId AND " + IN_PROGRESS)
			.param("uploadId", s3UploadId)
			.param("now", DbTime.of(now))
			.query(Long.class)
			.single() > 0;
	}

	/** An upload in progress: parts are being sent, or a complete holds the claim. */
	private static final String IN_PROGRESS = "((" + UploadState.UPLOADING.condition() + ") OR ("
			+ UploadState.COMPLETING.condition() + "))";

	Set<UUID> existingIds(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		String placeholders = ids.stream().map(id -> "?").collect(Collectors.joining(", "));
		return new HashSet<>(jdbc.sql("SELECT id FROM videos WHERE id IN (" + placeholders + ")")
			.params(List.copyOf(ids))
			.query(UUID.class)
			.list());
	}

	/** Marks a video for deletion; false when it is gone or already marked. */
	boolean markForDeletion(UUID id, Instant now) {
		return jdbc.sql("UPDATE videos SET deletion_requested_at = :now, updated_at = :now WHERE id = :id AND "
				+ REQUEST_DELETION.guard())
			.param("now", DbTime.of(now))
			.param("id", id)
			.update() == 1;
	}

	/** Deletes a row marked for deletion, once its objects are gone. */
	boolean deleteMarked(UUID id, Instant now) {
		return jdbc.sql("DELETE FROM videos WHERE id = :id AND " + REMOVE_DELETED.guard())
			.param("id", id)
			.param("now", DbTime.of(now))
			.update() == 1;
	}

	/** Rows marked for deletion before {@code before}, oldest first: their deletion did not finish. */
	List<Video> findMarkedForDeletion(Instant before, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM videos WHERE deletion_requested_at IS NOT NULL AND deletion_requested_at < ?
				ORDER BY deletion_requested_at LIMIT ?""")
			.params(DbTime.of(before), limit)
			.query(VideoRepository::map)
			.list();
	}

	/**
	 * One page of a pin's videos, newest recording first. The page's ids are found in the covering
	 * index {@code idx_videos_pin_listing} alone (a deferred join), then only those rows are read.
	 */
	VideoPage listForPin(VideoQuery query) {
		StringBuilder where = new StringBuilder("pin_id = ? AND deletion_requested_at IS NULL");
		List<Object> params = new ArrayList<>();
		params.add(query.pinId());
		if (query.status() != null) {
			where.append(" AND ").append(query.status().condition());
		}
		if (query.from() != null) {
			where.append(" AND recorded_at >= ?");
			params.add(DbTime.of(query.from()));
		}
		if (query.to() != null) {
			where.append(" AND recorded_at < ?");
			params.add(DbTime.of(query.to()));
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM videos WHERE " + where).params(params).query(Long.class).single();
		if (total <= query.offset()) {
			return new VideoPage(List.of(), total);
		}
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(query.limit());
		pageParams.add(query.offset());
		List<Video> rows = jdbc.sql("SELECT " + qualified("v") + " FROM videos v JOIN (SELECT id, recorded_at, uploaded_at FROM videos WHERE "
				+ where + " ORDER BY " + LISTING_ORDER + " LIMIT ? OFFSET ?) page ON page.id = v.id ORDER BY " + PAGE_ORDER)
			.params(pageParams)
			.query(VideoRepository::map)
			.list();
		return new VideoPage(rows, total);
	}

	/**
	 * A pin's uploaded clips with a recording time and a duration that start in
	 * {@code [startsFrom, startsBefore)}, earliest first: a range of {@code idx_videos_pin_listing}.
	 */
	List<Video> findRecordedBetween(UUID pinId, Instant startsFrom, Instant startsBefore, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM videos
				WHERE pin_id = ? AND recorded_at >= ? AND recorded_at < ? AND deletion_requested_at IS NULL
				  AND upload_status = 'uploaded' AND duration_seconds IS NOT NULL
				ORDER BY recorded_at, id LIMIT ?""")
			.params(pinId, DbTime.of(startsFrom), DbTime.of(startsBefore), limit)
			.query(VideoRepository::map)
			.list();
	}

	/** The longest clip of the pin in seconds (0 without one): the top of {@code idx_videos_pin_duration}. */
	double longestDuration(UUID pinId) {
		Double longest = jdbc.sql("SELECT COALESCE(MAX(duration_seconds), 0) FROM videos WHERE pin_id = ?")
			.param(pinId)
			.query(Double.class)
			.single();
		return longest == null ? 0 : longest;
	}

	List<Video> findOlderThan(UUID mallId, Instant cutoff, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM videos
				WHERE mall_id = ? AND upload_status = 'uploaded' AND deletion_requested_at IS NULL
				  AND COALESCE(recorded_at, uploaded_at) < ?
				ORDER BY COALESCE(recorded_at, uploaded_at), id LIMIT ?""")
			.params(mallId, DbTime.of(cutoff), limit)
			.query(VideoRepository::map)
			.list();
	}

	/** Whether the user uploaded (or began to upload) any video. */
	boolean hasUploadsBy(UUID userId) {
		return jdbc.sql("SELECT COUNT(*) FROM videos WHERE uploaded_by_user_id = ?").param(userId).query(Long.class).single() > 0;
	}

	/** The pin's uploaded videos that cannot be placed in time: no recording time, or no duration. */
	long countUntimed(UUID pinId) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM videos
				WHERE pin_id = ? AND deletion_requested_at IS NULL AND upload_status = 'uploaded'
				  AND (recorded_at IS NULL OR duration_seconds IS NULL)""")
			.param(pinId)
			.query(Long.class)
			.single();
	}

	private static final String LISTING_ORDER = "recorded_at DESC NULLS LAST, uploaded_at DESC NULLS LAST, id DESC";

	private static final String PAGE_ORDER = "page.recorded_at DESC NULLS LAST, page.uploaded_at DESC NULLS LAST, page.id DESC";

	private static String qualified(String alias) {
		return Arrays.stream(COLUMNS.split(",")).map(String::strip).map(column -> alias + "." + column)
			.collect(Collectors.joining(", "));
	}

	/** Leaves a row alone while a complete holds its claim. */
	boolean deleteUnfinished(UUID id, Instant now) {
		return jdbc.sql("DELETE FROM videos WHERE id = :id AND " + REMOVE_UNFINISHED.guard())
			.param("id", id)
			.param("now", DbTime.of(now))
			.update() == 1;
	}

	/** Claims an upload in progress for one complete until {@code until}; false when another holds it. */
	boolean claimCompletion(UUID id, Instant now, Instant until) {
		return jdbc.sql("UPDATE videos SET completing_until = :until, updated_at = :now WHERE id = :id AND "
				+ CLAIM_COMPLETION.guard())
			.param("until", DbTime.of(until))
			.param("now", DbTime.of(now))
			.param("id", id)
			.update() == 1;
	}

	/** Ends a claim unless it already lapsed and another call holds a newer one. */
	void releaseCompletion(UUID id, Instant claimedUntil, Instant now) {
		jdbc.sql("UPDATE videos SET completing_until = NULL WHERE id = :id AND completing_until = :until AND "
				+ RELEASE_COMPLETION.guard())
			.param("id", id)
			.param("until", DbTime.of(claimedUntil))
			.param("now", DbTime.of(now))
			.update();
	}

	private static String operatorSource(NewUpload upload) {
		return upload.recordedAt() == null ? null : RecordingTimeSource.OPERATOR.value();
	}

	private static Video map(ResultSet rs, int row) throws SQLException {
		VideoMetadata metadata = new VideoMetadata(rs.getObject("width", Integer.class),
				rs.getObject("height", Integer.class), rs.getObject("fps", Double.class), rs.getString("codec"),
				rs.getObject("duration_seconds", Double.class), null);
		String s3UploadId = rs.getString("s3_upload_id");
		Video.MultipartState multipart = s3UploadId == null ? null
				: new Video.MultipartState(s3UploadId, rs.getLong("part_size_bytes"), rs.getInt("total_parts"),
						DbTime.read(rs, "upload_expires_at"));
		return new Video(rs.getObject("id", UUID.class), rs.getObject("mall_id", UUID.class),
				rs.getObject("pin_id", UUID.class), rs.getString("filename"), rs.getLong("file_size_bytes"),
				rs.getString("checksum_sha256"), DbTime.read(rs, "recorded_at"),
				RecordingTimeSource.of(rs.getString("recorded_at_source")), rs.getString("operator_notes"),
				rs.getObject("uploaded_by_user_id", UUID.class), metadata, rs.getString("original_path"),
				rs.getString("proxy_path"), rs.getString("poster_path"), rs.getString("previews_path"),
				UploadStatus.of(rs.getString("upload_status")),
				ProcessingStatus.of(rs.getString("processing_status")), rs.getObject("processing_job_id", UUID.class),
				rs.getString("processing_error"), DbTime.read(rs, "uploaded_at"), DbTime.read(rs, "processing_started_at"),
				DbTime.read(rs, "processing_completed_at"), DbTime.read(rs, "created_at"), DbTime.read(rs, "updated_at"),
				multipart, DbTime.read(rs, "deletion_requested_at"));
	}

}
