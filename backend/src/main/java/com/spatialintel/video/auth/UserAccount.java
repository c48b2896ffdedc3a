package com.spatialintel.video.auth;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code users}. {@code credentialsVersion} goes up with each password change or reset:
 * tokens of an older version are refused. A disabled account signs in no more and its tokens stop.
 */
record UserAccount(UUID id, String email, String passwordHash, Role role, Instant createdAt, Instant disabledAt,
		int credentialsVersion) {

	UserAccount(UUID id, String email, String passwordHash, Role role, Instant createdAt) {
		this(id, email, passwordHash, role, createdAt, null, 0);
	}

	boolean disabled() {
		return disabledAt != null;
	}

}
