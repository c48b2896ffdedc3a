package com.spatialintel.video.auth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.spatialintel.video.database.DbTime;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The only code that touches {@code users} and {@code user_mall_access}. */
@Repository
class UserRepository {

	private static final String COLUMNS = "id, email, password_hash, role, created_at, disabled_at, credentials_version";

	private final JdbcClient jdbc;

	UserRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<UserAccount> findByEmail(String email) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE email = ?")
			.param(email)
			.query(UserRepository::mapUser)
			.optional();
	}

	Optional<UserAccount> findById(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = ?")
			.param(id)
			.query(UserRepository::mapUser)
			.optional();
	}

	List<UserAccount> findAll() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM users ORDER BY email")
			.query(UserRepository::mapUser)
			.list();
	}

	boolean isEmpty() {
		return jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single() == 0;
	}

	/** @throws DuplicateKeyException when the e-mail address is taken */
	void insert(UserAccount user) {
		jdbc.sql("INSERT INTO users (id, email, password_hash, role, created_at) VALUES (?, ?, ?, ?, ?)")
			.params(user.id(), user.email(), user.passwordHash(), user.role().name(), DbTime.of(user.createdAt()))
			.update();
	}

	/** Locks the active admins' rows (until the transaction ends), so that two demotions cannot both pass. */
	long lockActiveAdmins() {
		return jdbc.sql("SELECT id FROM users WHERE role = 'ADMIN' AND disabled_at IS NULL FOR UPDATE")
			.query(UUID.class)
			.list()
			.size();
	}

	boolean updateRole(UUID id, Role role) {
		return jdbc.sql("UPDATE users SET role = ? WHERE id = ?").params(role.name(), id).update() == 1;
	}

	/** Disables (with the time) or enables (null) the account; disabling also ends its tokens. */
	boolean updateDisabled(UUID id, Instant disabledAt) {
		String versions = disabledAt == null ? "" : ", credentials_version = credentials_version + 1";
		return jdbc.sql("UPDATE users SET disabled_at = ?" + versions + " WHERE id = ?")
			.params(DbTime.of(disabledAt), id)
			.update() == 1;
	}

	/** A new password: every token issued before it stops working. */
	boolean updatePassword(UUID id, String passwordHash) {
		return jdbc.sql("UPDATE users SET password_hash = ?, credentials_version = credentials_version + 1 WHERE id = ?")
			.params(passwordHash, id)
			.update() == 1;
	}

	boolean delete(UUID id) {
		return jdbc.sql("DELETE FROM users WHERE id = ?").param(id).update() == 1;
	}

	Set<UUID> grantsOf(UUID userId) {
		return jdbc.sql("SELECT mall_id FROM user_mall_access WHERE user_id = ?")
			.param(userId)
			.query(UUID.class)
			.set();
	}

	void replaceGrants(UUID userId, Collection<UUID> mallIds, Instant grantedAt) {
		jdbc.sql("DELETE FROM user_mall_access WHERE user_id = ?").param(userId).update();
		for (UUID mallId : Set.copyOf(mallIds)) {
			jdbc.sql("INSERT INTO user_mall_access (user_id, mall_id, granted_at) VALUES (?, ?, ?)")
				.params(userId, mallId, DbTime.of(grantedAt))
				.update();
		}
	}

	private static UserAccount mapUser(ResultSet rs, int row) throws SQLException {
		return new UserAccount(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("password_hash"),
				Role.valueOf(rs.getString("role")), DbTime.read(rs, "created_at"), DbTime.read(rs, "disabled_at"),
				rs.getInt("credentials_version"));
	}

}
