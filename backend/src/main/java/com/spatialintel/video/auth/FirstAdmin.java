package com.spatialintel.video.auth;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * On the first start, with no users at all, creates an admin from {@code ADMIN_EMAIL} and
 * {@code ADMIN_PASSWORD}; without a password one is generated and shown once, in the start-up
 * message that says where to open the app ({@link FirstAdminCreated}).
 */
@Component
class FirstAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

	private final UserService users;

	private final AuthSettings settings;

	private final ApplicationEventPublisher events;

	FirstAdmin(UserService users, AuthSettings settings, ApplicationEventPublisher events) {
		this.users = users;
		this.settings = settings;
		this.events = events;
	}

	@Override
	public void run(ApplicationArguments args) {
		boolean generated = settings.adminPassword() == null || settings.adminPassword().isBlank();
		String password = generated ? randomPassword() : settings.adminPassword();
		if (!users.createFirstAdmin(settings.adminEmail(), password)) {
			return;
		}
		log.info("Created the first admin {}{}", settings.adminEmail(),
				generated ? " with a generated password" : " with the password from ADMIN_PASSWORD");
		events.publishEvent(new FirstAdminCreated(settings.adminEmail(), generated ? password : null));
	}

	private static String randomPassword() {
		byte[] bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
