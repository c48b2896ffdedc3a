package com.spatialintel.video.auth;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

/** Who a user is, for the other modules: the e-mail address behind a user id (a video's uploader). */
@Service
public class UserDirectory {

	private final UserRepository users;

	UserDirectory(UserRepository users) {
		this.users = users;
	}

	/** Empty for null and for a user who was deleted since. */
	public Optional<String> emailOf(UUID userId) {
		return userId == null ? Optional.empty() : users.findById(userId).map(UserAccount::email);
	}

}
