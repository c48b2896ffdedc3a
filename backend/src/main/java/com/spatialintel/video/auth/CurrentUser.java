package com.spatialintel.video.auth;

import java.util.Set;
import java.util.UUID;

/**
 * The authenticated caller, loaded fresh from the database on every request, so a change of
 * grants applies at once. Inject it into a controller method with {@code @AuthenticationPrincipal}.
 */
public record CurrentUser(UUID id, String email, Role role, Set<UUID> mallIds) {

	public CurrentUser {
		mallIds = Set.copyOf(mallIds);
	}

	public boolean isAdmin() {
		return role == Role.ADMIN;
	}

	/** Admins see every mall; everyone else sees only the malls granted to them. */
	public boolean maySee(UUID mallId) {
		return isAdmin() || mallIds.contains(mallId);
	}

}
