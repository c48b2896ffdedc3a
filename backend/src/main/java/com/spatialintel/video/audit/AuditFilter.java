package com.spatialintel.video.audit;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.spatialintel.video.database.DbTime;

/**
 * The audit log's filters: {@code user} (a user id, or an e-mail address as it was recorded),
 * {@code action} (exact, or a prefix ending in {@code .}: {@code account.}), {@code mallId}, and
 * {@code from} (inclusive) to {@code to} (exclusive). Null is no filter.
 */
record AuditFilter(String user, String action, UUID mallId, Instant from, Instant to) {

	String where(List<Object> params) {
		StringBuilder where = new StringBuilder();
		if (user != null) {
			UUID id = uuid(user);
			if (id != null) {
				where.append(" AND actor_user_id = ?");
				params.add(id);
			}
			else {
				where.append(" AND actor_email = ?");
				params.add(user.strip().toLowerCase(Locale.ROOT));
			}
		}
		if (action != null) {
			if (action.endsWith(".")) {
				where.append(" AND action LIKE ?");
				params.add(action.replace("%", "").replace("_", "\\_") + "%");
			}
			else {
				where.append(" AND action = ?");
				params.add(action);
			}
		}
		if (mallId != null) {
			where.append(" AND mall_id = ?");
			params.add(mallId);
		}
		if (from != null) {
			where.append(" AND at >= ?");
			params.add(DbTime.of(from));
		}
		if (to != null) {
			where.append(" AND at < ?");
			params.add(DbTime.of(to));
		}
		return where.isEmpty() ? "" : " WHERE" + where.substring(4);
	}

	private static UUID uuid(String text) {
		try {
			return UUID.fromString(text.strip());
		}
		catch (IllegalArgumentException notAnId) {
			return null;
		}
	}

}
