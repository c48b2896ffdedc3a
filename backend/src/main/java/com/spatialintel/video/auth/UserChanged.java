package com.spatialintel.video.auth;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Published inside the transaction that changed a user: the user as they are afterwards.
 * {@code changedByUserId} is null for the first admin, whom the app creates itself.
 */
public record UserChanged(UUID userId, String email, Change change, Role role, List<UUID> mallIds,
		UUID changedByUserId, Instant at) {

	public enum Change {
		CREATED, MALL_ACCESS_REPLACED, ROLE_CHANGED, DISABLED, ENABLED, PASSWORD_RESET, PASSWORD_CHANGED, DELETED
	}

}
