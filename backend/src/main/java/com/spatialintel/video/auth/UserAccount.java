package com.spatialintel.video.auth;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code users}. */
record UserAccount(UUID id, String email, String passwordHash, Role role, Instant createdAt) {
}
