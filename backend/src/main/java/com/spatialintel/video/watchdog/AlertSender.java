package com.spatialintel.video.watchdog;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import io.sentry.Sentry;
import io.sentry.SentryEvent;
import io.sentry.SentryLevel;
import io.sentry.protocol.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Delivers an {@link Alert} as a Sentry event (the official Sentry Java SDK) when {@code SENTRY_DSN}
 * is set and as a Slack incoming-webhook message when {@code SLACK_WEBHOOK_URL} is set. A delivery
 * that fails or takes longer than the timeout is logged and given up: alerts never break the work
 * that raised them.
 */
@Component
class AlertSender implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(AlertSender.class);

	private final AlertSettings settings;

	private final JsonMapper json;

	private final HttpClient http;

	AlertSender(AlertSettings settings, JsonMapper json) {
		this.settings = settings;
		this.json = json;
		this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
		if (settings.sentryEnabled()) {
			Sentry.init(options -> {
				options.setDsn(settings.sentryDsn());
				options.setEnvironment(settings.environment());
				options.setRelease("spatial-intel-video");
				options.setSendDefaultPii(false);
				options.setFlushTimeoutMillis(settings.timeout().toMillis());
			});
			log.info("Alerts go to Sentry");
		}
		if (settings.slackEnabled()) {
			log.info("Alerts go to Slack");
		}
	}

	void send(Alert alert) {
		log.warn("Alert {}: {} {}", alert.type(), alert.summary(), alert.details());
		if (settings.sentryEnabled()) {
			sendToSentry(alert);
		}
		if (settings.slackEnabled()) {
			sendToSlack(alert);
		}
	}

	private void sendToSentry(Alert alert) {
		try {
			SentryEvent event = new SentryEvent();
			Message message = new Message();
			message.setMessage(alert.summary());
			event.setMessage(message);
			event.setLevel(SentryLevel.WARNING);
			event.setTag("alert_type", alert.type());
			event.setLogger("spatial-intel-video.alerts");
			alert.details().forEach(event::setExtra);
			Sentry.captureEvent(event);
			Sentry.flush(settings.timeout().toMillis());
		}
		catch (RuntimeException ex) {
			log.warn("Alert {} not delivered to Sentry: {}", alert.type(), ex.toString());
		}
	}

	private void sendToSlack(Alert alert) {
		StringBuilder text = new StringBuilder("*Spatial Intel Video* (" + settings.environment() + ") — " + alert.summary());
		alert.details().forEach((key, value) -> text.append("\n• ").append(key).append(": ").append(value));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("text", text.toString());
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(settings.slackWebhookUrl()))
				.timeout(settings.timeout())
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
				.build();
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 != 2) {
				log.warn("Alert {} refused by Slack: HTTP {} {}", alert.type(), response.statusCode(), response.body());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			log.warn("Alert {} not delivered to Slack: interrupted", alert.type());
		}
		catch (Exception ex) {
			log.warn("Alert {} not delivered to Slack: {}", alert.type(), ex.toString());
		}
	}

	@Override
	public void destroy() {
		if (settings.sentryEnabled()) {
			Sentry.close();
		}
	}

}
