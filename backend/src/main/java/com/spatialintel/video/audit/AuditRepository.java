package com.spatialintel.video.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.spatialintel.video.database.DbTime;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The only code that touches {@code audit_inbox}, {@code audit_log} and {@code audit_chain_head}. */
@Repository
class AuditRepository {

	private static final String FIELDS = "id, at, actor_user_id, actor_email, client_address, action, outcome, mall_id, pin_id, video_id, detail";

	private final JdbcClient jdbc;

	private final JdbcTemplate operations;

	AuditRepository(JdbcClient jdbc, JdbcTemplate operations) {
		this.jdbc = jdbc;
		this.operations = operations;
	}

	void insertInbox(AuditEntry entry) {
		insertInbox(List.of(entry));
	}

	/** Many rows at once, one statement sent as a batch. */
	void insertInbox(List<AuditEntry> entries) {
		operations.batchUpdate("INSERT INTO audit_inbox (" + FIELDS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", entries,
				entries.size(), (statement, entry) -> {
					statement.setObject(1, entry.id());
					statement.setObject(2, DbTime.of(entry.at()));
					statement.setObject(3, entry.actorUserId());
					statement.setString(4, entry.actorEmail());
					statement.setString(5, entry.clientAddress());
					statement.setString(6, entry.action());
					statement.setString(7, entry.outcome().value());
					statement.setObject(8, entry.mallId());
					statement.setObject(9, entry.pinId());
					statement.setObject(10, entry.videoId());
					statement.setString(11, entry.detail());
				});
	}

	/** The end of the chain, its row locked until the transaction ends: one sealer at a time, on every node. */
	Head lockHead() {
		return jdbc.sql("SELECT seq, row_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
			.query((rs, row) -> new Head(rs.getLong("seq"), rs.getString("row_hash")))
			.single();
	}

	Head readHead() {
		return jdbc.sql("SELECT seq, row_hash FROM audit_chain_head WHERE id = 1")
			.query((rs, row) -> new Head(rs.getLong("seq"), rs.getString("row_hash")))
			.single();
	}

	void moveHead(Head head) {
		jdbc.sql("UPDATE audit_chain_head SET seq = ?, row_hash = ? WHERE id = 1").params(head.seq(), head.hash()).update();
	}

	List<AuditEntry> oldestInInbox(int limit) {
		return jdbc.sql("SELECT " + FIELDS + " FROM audit_inbox ORDER BY at, id LIMIT ?")
			.param(limit)
			.query((rs, row) -> map(rs, 0, null, null))
			.list();
	}

	/** Sealed rows, in order, as one batch. */
	void append(List<AuditEntry> entries) {
		operations.batchUpdate("INSERT INTO audit_log (seq, " + FIELDS + ", prev_hash, row_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				entries, entries.size(), (statement, entry) -> {
					statement.setLong(1, entry.seq());
					statement.setObject(2, entry.id());
					statement.setObject(3, DbTime.of(entry.at()));
					statement.setObject(4, entry.actorUserId());
					statement.setString(5, entry.actorEmail());
					statement.setString(6, entry.clientAddress());
					statement.setString(7, entry.action());
					statement.setString(8, entry.outcome().value());
					statement.setObject(9, entry.mallId());
					statement.setObject(10, entry.pinId());
					statement.setObject(11, entry.videoId());
					statement.setString(12, entry.detail());
					statement.setString(13, entry.prevHash());
					statement.setString(14, entry.rowHash());
				});
	}

	void deleteFromInbox(List<UUID> ids) {
		if (!ids.isEmpty()) {
			jdbc.sql("DELETE FROM audit_inbox WHERE id IN (:ids)").param("ids", ids).update();
		}
	}

	void append(AuditEntry entry) {
		append(List.of(entry));
	}

	/** Rows of the chain from {@code afterSeq} on, in order. */
	List<AuditEntry> chainAfter(long afterSeq, int limit) {
		return jdbc.sql("SELECT seq, " + FIELDS + ", prev_hash, row_hash FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?")
			.params(afterSeq, limit)
			.query(AuditRepository::mapSealed)
			.list();
	}

	/** The checkpoint left when the rows up to {@code throughSeq} were deleted by the log's retention. */
	List<AuditEntry> checkpoints() {
		return jdbc.sql("SELECT seq, " + FIELDS + ", prev_hash, row_hash FROM audit_log WHERE outcome = 'checkpoint' ORDER BY seq")
			.query(AuditRepository::mapSealed)
			.list();
	}

	Page page(AuditFilter filter, int limit, long offset) {
		List<Object> params = new ArrayList<>();
		String where = filter.where(params);
		long total = jdbc.sql("SELECT COUNT(*) FROM audit_log" + where).params(params).query(Long.class).single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(limit);
		pageParams.add(offset);
		List<AuditEntry> rows = jdbc.sql("SELECT seq, " + FIELDS + ", prev_hash, row_hash FROM audit_log" + where
				+ " ORDER BY seq DESC LIMIT ? OFFSET ?")
			.params(pageParams)
			.query(AuditRepository::mapSealed)
			.list();
		return new Page(rows, total);
	}

	/** The log's own retention: rows up to {@code throughSeq}, in a transaction that the trigger lets delete. */
	int deleteThrough(long throughSeq, boolean postgres) {
		if (postgres) {
			jdbc.sql("SET LOCAL siv.audit_retention = 'on'").update();
		}
		return jdbc.sql("DELETE FROM audit_log WHERE seq <= ?").param(throughSeq).update();
	}

	/** The last row recorded before {@code before}, if any. */
	java.util.Optional<AuditEntry> lastBefore(Instant before) {
		return jdbc.sql("SELECT seq, " + FIELDS + ", prev_hash, row_hash FROM audit_log WHERE at < ? ORDER BY seq DESC LIMIT 1")
			.param(DbTime.of(before))
			.query(AuditRepository::mapSealed)
			.optional();
	}

	private static AuditEntry mapSealed(ResultSet rs, int row) throws SQLException {
		return map(rs, rs.getLong("seq"), rs.getString("prev_hash"), rs.getString("row_hash"));
	}

	private static AuditEntry map(ResultSet rs, long seq, String prevHash, String rowHash) throws SQLException {
		return new AuditEntry(seq, rs.getObject("id", UUID.class), DbTime.read(rs, "at"),
				rs.getObject("actor_user_id", UUID.class), rs.getString("actor_email"), rs.getString("client_address"),
				rs.getString("action"), AuditOutcome.of(rs.getString("outcome")), rs.getObject("mall_id", UUID.class),
				rs.getObject("pin_id", UUID.class), rs.getObject("video_id", UUID.class), rs.getString("detail"), prevHash,
				rowHash);
	}

	record Head(long seq, String hash) {
	}

	record Page(List<AuditEntry> rows, long total) {
	}

}
