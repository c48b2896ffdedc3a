package com.spatialintel.video.evidence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.spatialintel.video.database.DbTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The only code that touches {@code evidence_exports} and {@code evidence_export_clips}. */
@Repository
class ExportRepository {

	private static final String COLUMNS = """
			id, mall_id, mode, window_from, window_to, recipient_name, recipient_organisation, purpose, reference,
			created_by_user_id, created_by_email, created_at, status, progress, error, started_at, completed_at,
			package_key, package_bytes, package_sha256, keep_until, deleted_at, deleted_by_email""";

	private final JdbcClient jdbc;

	ExportRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(EvidenceExport export) {
		Disclosure form = export.disclosure();
		jdbc.sql("INSERT INTO evidence_exports (" + COLUMNS
				+ ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(export.id(), export.mallId(), export.mode().value(), DbTime.of(export.windowFrom()),
					DbTime.of(export.windowTo()), form.recipientName(), form.recipientOrganisation(), form.purpose(),
					form.reference(), export.createdByUserId(), export.createdByEmail(), DbTime.of(export.createdAt()),
					export.status().value(), export.progress(), null, null, null, null, null, null,
					DbTime.of(export.keepUntil()), null, null)
			.update();
		for (ExportClip clip : export.clips()) {
			jdbc.sql("INSERT INTO evidence_export_clips (export_id, ordinal, video_id, pin_id, requested_start, requested_end) "
					+ "VALUES (?, ?, ?, ?, ?, ?)")
				.params(export.id(), clip.ordinal(), clip.videoId(), clip.pinId(), clip.requestedStart(), clip.requestedEnd())
				.update();
		}
	}

	Optional<EvidenceExport> find(UUID id) {
		return withClips(jdbc.sql("SELECT " + COLUMNS + " FROM evidence_exports WHERE id = ?").param(id)
			.query(ExportRepository::map)
			.list()).stream().findFirst();
	}

	/** The mall's exports, newest first, deleted ones too (their record stays). */
	List<EvidenceExport> ofMall(UUID mallId, int limit) {
		return withClips(jdbc.sql("SELECT " + COLUMNS + " FROM evidence_exports WHERE mall_id = ? ORDER BY created_at DESC, id LIMIT ?")
			.params(mallId, limit)
			.query(ExportRepository::map)
			.list());
	}

	/** The exports that have this video as a source, newest first. */
	List<EvidenceExport> ofVideo(UUID videoId) {
		return withClips(jdbc.sql("SELECT " + COLUMNS + " FROM evidence_exports WHERE id IN "
				+ "(SELECT export_id FROM evidence_export_clips WHERE video_id = ?) ORDER BY created_at DESC, id")
			.param(videoId)
			.query(ExportRepository::map)
			.list());
	}

	/**
	 * The newest export, not deleted, with this video as a source: what keeps the video. Asked before
	 * every deletion (and by retention for each video past its days), so one query, without the clips.
	 */
	Optional<EvidenceExport> keeping(UUID videoId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM evidence_exports WHERE status <> 'deleted' AND id IN "
				+ "(SELECT export_id FROM evidence_export_clips WHERE video_id = ?) ORDER BY created_at DESC, id LIMIT 1")
			.param(videoId)
			.query(ExportRepository::map)
			.optional();
	}

	/** Exports not deleted whose sources' retention ran out before {@code now}. */
	List<UUID> pastRetention(Instant now, int limit) {
		return jdbc.sql("SELECT id FROM evidence_exports WHERE status <> 'deleted' AND keep_until IS NOT NULL AND keep_until < ? "
				+ "ORDER BY keep_until LIMIT ?")
			.params(DbTime.of(now), limit)
			.query(UUID.class)
			.list();
	}

	/** @return this attempt's number (1 for the first); empty when the export is no longer waiting or running */
	Optional<Integer> start(UUID id, Instant at) {
		if (jdbc.sql("UPDATE evidence_exports SET status = 'running', progress = 0, error = NULL, started_at = ?, attempts = attempts + 1 "
				+ "WHERE id = ? AND status IN ('queued', 'running')")
			.params(DbTime.of(at), id)
			.update() != 1) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT attempts FROM evidence_exports WHERE id = ?").param(id).query(Integer.class).optional();
	}

	/** @return false once the export is no longer running (deleted meanwhile): the job stops */
	boolean progress(UUID id, int progress) {
		return jdbc.sql("UPDATE evidence_exports SET progress = ? WHERE id = ? AND status = 'running'")
			.params(progress, id)
			.update() == 1;
	}

	boolean complete(UUID id, String packageKey, long bytes, String sha256, Instant at) {
		return jdbc.sql("UPDATE evidence_exports SET status = 'completed', progress = 100, package_key = ?, package_bytes = ?, "
				+ "package_sha256 = ?, completed_at = ? WHERE id = ? AND status = 'running'")
			.params(packageKey, bytes, sha256, DbTime.of(at), id)
			.update() == 1;
	}

	boolean fail(UUID id, String error, Instant at) {
		return jdbc.sql("UPDATE evidence_exports SET status = 'failed', error = ?, completed_at = ? WHERE id = ? AND status IN ('queued', 'running')")
			.params(error, DbTime.of(at), id)
			.update() == 1;
	}

	boolean requeue(UUID id) {
		return jdbc.sql("UPDATE evidence_exports SET status = 'queued' WHERE id = ? AND status = 'running'").param(id).update() == 1;
	}

	boolean markDeleted(UUID id, String by, Instant at) {
		return jdbc.sql("UPDATE evidence_exports SET status = 'deleted', deleted_at = ?, deleted_by_email = ? "
				+ "WHERE id = ? AND status <> 'deleted'")
			.params(DbTime.of(at), by, id)
			.update() == 1;
	}

	private List<EvidenceExport> withClips(List<EvidenceExport> exports) {
		if (exports.isEmpty()) {
			return exports;
		}
		Map<UUID, List<ExportClip>> clips = new LinkedHashMap<>();
		exports.forEach(export -> clips.put(export.id(), new ArrayList<>()));
		String marks = String.join(", ", java.util.Collections.nCopies(exports.size(), "?"));
		jdbc.sql("SELECT export_id, ordinal, video_id, pin_id, requested_start, requested_end FROM evidence_export_clips "
				+ "WHERE export_id IN (" + marks + ") ORDER BY export_id, ordinal")
			.params(new ArrayList<Object>(clips.keySet()))
			.query((rs, row) -> {
				clips.get(rs.getObject("export_id", UUID.class))
					.add(new ExportClip(rs.getInt("ordinal"), rs.getObject("video_id", UUID.class),
							rs.getObject("pin_id", UUID.class), rs.getDouble("requested_start"), rs.getDouble("requested_end")));
				return null;
			})
			.list();
		return exports.stream()
			.map(export -> new EvidenceExport(export.id(), export.mallId(), export.mode(), export.windowFrom(),
					export.windowTo(), export.disclosure(), export.createdByUserId(), export.createdByEmail(),
					export.createdAt(), export.status(), export.progress(), export.error(), export.startedAt(),
					export.completedAt(), export.packageKey(), export.packageBytes(), export.packageSha256(),
					export.keepUntil(), export.deletedAt(), export.deletedByEmail(), List.copyOf(clips.get(export.id()))))
			.toList();
	}

	private static EvidenceExport map(ResultSet rs, int row) throws SQLException {
		long bytes = rs.getLong("package_bytes");
		Long packageBytes = rs.wasNull() ? null : bytes;
		return new EvidenceExport(rs.getObject("id", UUID.class), rs.getObject("mall_id", UUID.class),
				ExportMode.named(rs.getString("mode")).orElseThrow(), DbTime.read(rs, "window_from"),
				DbTime.read(rs, "window_to"),
				new Disclosure(rs.getString("recipient_name"), rs.getString("recipient_organisation"),
						rs.getString("purpose"), rs.getString("reference")),
				rs.getObject("created_by_user_id", UUID.class), rs.getString("created_by_email"),
				DbTime.read(rs, "created_at"), ExportStatus.of(rs.getString("status")), rs.getInt("progress"),
				rs.getString("error"), DbTime.read(rs, "started_at"), DbTime.read(rs, "completed_at"),
				rs.getString("package_key"), packageBytes, rs.getString("package_sha256"), DbTime.read(rs, "keep_until"),
				DbTime.read(rs, "deleted_at"), rs.getString("deleted_by_email"), List.of());
	}

}
