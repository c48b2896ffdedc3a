package com.spatialintel.video.retention;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.spatialintel.video.database.DbTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The only code that touches {@code legal_holds} and {@code mall_retention}. */
@Repository
class LegalHoldRepository {

	private static final String COLUMNS = """
			id, mall_id, video_id, pin_id, window_from, window_to, reason, review_on, placed_by_user_id, placed_by_email,
			placed_at, lifted_by_email, lifted_at""";

	private final JdbcClient jdbc;

	LegalHoldRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(LegalHold hold) {
		jdbc.sql("INSERT INTO legal_holds (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(hold.id(), hold.mallId(), hold.videoId(), hold.pinId(), DbTime.of(hold.windowFrom()),
					DbTime.of(hold.windowTo()), hold.reason(), Date.valueOf(hold.reviewOn()), hold.placedByUserId(),
					hold.placedByEmail(), DbTime.of(hold.placedAt()), null, null)
			.update();
	}

	Optional<LegalHold> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM legal_holds WHERE id = ?").param(id).query(LegalHoldRepository::map).optional();
	}

	boolean lift(UUID id, String liftedBy, Instant at) {
		return jdbc.sql("UPDATE legal_holds SET lifted_by_email = ?, lifted_at = ? WHERE id = ? AND lifted_at IS NULL")
			.params(liftedBy, DbTime.of(at), id)
			.update() == 1;
	}

	/** The active holds that could cover a video: on it, or on its pin. */
	List<LegalHold> activeFor(UUID videoId, UUID pinId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM legal_holds WHERE lifted_at IS NULL AND (video_id = ? OR pin_id = ?)")
			.params(videoId, pinId)
			.query(LegalHoldRepository::map)
			.list();
	}

	List<LegalHold> ofMall(UUID mallId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM legal_holds WHERE mall_id = ? ORDER BY placed_at DESC")
			.param(mallId)
			.query(LegalHoldRepository::map)
			.list();
	}

	List<LegalHold> activeOfMall(UUID mallId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM legal_holds WHERE mall_id = ? AND lifted_at IS NULL")
			.param(mallId)
			.query(LegalHoldRepository::map)
			.list();
	}

	List<LegalHold> overdue(LocalDate today) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM legal_holds WHERE lifted_at IS NULL AND review_on < ? ORDER BY review_on")
			.param(Date.valueOf(today))
			.query(LegalHoldRepository::map)
			.list();
	}

	Optional<Integer> retentionDays(UUID mallId) {
		return jdbc.sql("SELECT retention_days FROM mall_retention WHERE mall_id = ?").param(mallId).query(Integer.class).optional();
	}

	List<UUID> mallsWithRetention() {
		return jdbc.sql("SELECT mall_id FROM mall_retention ORDER BY mall_id").query(UUID.class).list();
	}

	void setRetentionDays(UUID mallId, Integer days) {
		jdbc.sql("DELETE FROM mall_retention WHERE mall_id = ?").param(mallId).update();
		if (days != null) {
			jdbc.sql("INSERT INTO mall_retention (mall_id, retention_days) VALUES (?, ?)").params(mallId, days).update();
		}
	}

	private static LegalHold map(ResultSet rs, int row) throws SQLException {
		return new LegalHold(rs.getObject("id", UUID.class), rs.getObject("mall_id", UUID.class),
				rs.getObject("video_id", UUID.class), rs.getObject("pin_id", UUID.class), DbTime.read(rs, "window_from"),
				DbTime.read(rs, "window_to"), rs.getString("reason"), rs.getObject("review_on", LocalDate.class),
				rs.getObject("placed_by_user_id", UUID.class), rs.getString("placed_by_email"), DbTime.read(rs, "placed_at"),
				rs.getString("lifted_by_email"), DbTime.read(rs, "lifted_at"));
	}

}
