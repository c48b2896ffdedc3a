package com.spatialintel.video.watchdog;

import java.time.Duration;

import com.spatialintel.video.system.Secrets;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param sentryDsn where Sentry events go ({@code SENTRY_DSN}); blank: none are sent
 * @param slackWebhookUrl a Slack incoming webhook ({@code SLACK_WEBHOOK_URL}); blank: none are sent
 * @param environment the environment named in alerts ({@code ALERT_ENVIRONMENT})
 * @param timeout how long one delivery may take before it is given up (and logged)
 */
@ConfigurationProperties("app.alerts")
record AlertSettings(String sentryDsn, String slackWebhookUrl, @DefaultValue("production") String environment,
		@DefaultValue("5s") Duration timeout) {

	/** Without the DSN's key and the webhook's token: settings may end up in a log line. */
	@Override
	public String toString() {
		return "AlertSettings[sentryDsn=%s, slackWebhookUrl=%s, environment=%s, timeout=%s]"
			.formatted(Secrets.mask(sentryDsn), Secrets.mask(slackWebhookUrl), environment, timeout);
	}

	boolean sentryEnabled() {
		return sentryDsn != null && !sentryDsn.isBlank();
	}

	boolean slackEnabled() {
		return slackWebhookUrl != null && !slackWebhookUrl.isBlank();
	}

}
