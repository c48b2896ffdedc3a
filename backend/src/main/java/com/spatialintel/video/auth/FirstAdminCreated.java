package com.spatialintel.video.auth;

import org.springframework.lang.Nullable;

/**
 * The first start created the admin. {@code generatedPassword} is set only when no
 * {@code ADMIN_PASSWORD} was given, so that the start-up message can show it once.
 */
public record FirstAdminCreated(String email, @Nullable String generatedPassword) {

	@Override
	public String toString() {
		return "FirstAdminCreated[email=" + email + ", generatedPassword=" + (generatedPassword == null ? "none" : "***")
				+ "]";
	}

}
