package com.spatialintel.video.auth;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On the first start, with no users at all, creates an admin from {@code ADMIN_EMAIL} and
 * {@code ADMIN_PASSWORD}; without a password one is generated and printed once in the log.
 */
@Component
class FirstAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

	private final UserService users;

	private final AuthSettings settings;

	FirstAdmin(UserService users, AuthSettings settings) {
		this.users = users;
		this.settings = settings;
	}

	@Override
	public void run(ApplicationArguments args) {
		boolean generated = settings.adminPassword() == null || settings.adminPassword().isBlank();
		String password = generated ? randomPassword() : settings.adminPassword();
		if (!users.createFirstAdmin(settings.adminEmail(), password)) {
			return;
		}
		if (generated) {
			log.warn("Created the first admin {} with the generated password: {}  (shown only this once; "
					+ "set ADMIN_PASSWORD before the first start to choose it)", settings.adminEmail(), password);
		}
		else {
			log.info("Created the first admin {} with the password from ADMIN_PASSWORD", settings.adminEmail());
		}
	}

	private static String randomPassword() {
		byte[] bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
