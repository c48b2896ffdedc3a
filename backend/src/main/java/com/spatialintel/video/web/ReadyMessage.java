package com.spatialintel.video.web;

import java.util.concurrent.atomic.AtomicReference;

import com.spatialintel.video.auth.FirstAdminCreated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The last lines of a start say, in plain words, where to open the app and, on the first start,
 * how to sign in: a newcomer should not have to find a password among the libraries' lines.
 */
@Component
class ReadyMessage {

	private static final Logger log = LoggerFactory.getLogger(ReadyMessage.class);

	private final WebSettings settings;

	private final AtomicReference<FirstAdminCreated> firstAdmin = new AtomicReference<>();

	ReadyMessage(WebSettings settings) {
		this.settings = settings;
	}

	@EventListener
	void remember(FirstAdminCreated created) {
		firstAdmin.set(created);
	}

	@EventListener
	@Order(Ordered.LOWEST_PRECEDENCE)
	void announce(ApplicationReadyEvent ready) {
		if (!settings.servesUi()) {
			log.info("Spatial Intel Video worker is ready: it takes proxy jobs from the queue (the web UI is served by the web processes).");
			return;
		}
		StringBuilder message = new StringBuilder("\n\n    Spatial Intel Video is ready. Open ")
			.append(address(ready))
			.append(" in a browser.\n");
		FirstAdminCreated admin = firstAdmin.getAndSet(null);
		if (admin != null && admin.generatedPassword() != null) {
			message.append("    First start: sign in as ")
				.append(admin.email())
				.append(" with the password ")
				.append(admin.generatedPassword())
				.append("\n    (shown only this once; set ADMIN_PASSWORD before the first start to choose it).\n");
		}
		else if (admin != null) {
			message.append("    First start: sign in as ").append(admin.email()).append(" with the password from ADMIN_PASSWORD.\n");
		}
		log.info(message.toString());
	}

	private String address(ApplicationReadyEvent ready) {
		if (settings.publicBaseUrl() != null && !settings.publicBaseUrl().isBlank()) {
			String base = settings.publicBaseUrl();
			return base.endsWith("/") ? base : base + "/";
		}
		int port = ready.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null
				? web.getWebServer().getPort() : 8080;
		return "http://localhost:" + port + "/";
	}

}
