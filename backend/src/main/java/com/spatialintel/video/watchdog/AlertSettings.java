package com.spatialintel.video.watchdog;

import java.time.Duration;

import com.spatialintel.video.runtime.Secrets;

import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The defaults of the settings with an environment variable are in {@code application.yml}, next to it.
 * @param sentryDsn where Sentry events go ({@code SENTRY_DSN}); blank: none are sent
 * @param slackWebhookUrl a Slack incoming webhook ({@code SLACK_WEBHOOK_URL}); blank: none are sent
 * @param environment the environment named in alerts ({@code ALERT_ENVIRONMENT})
 * @param timeout how long one delivery may take before it is given up (and logged)
 */
@Validated
@ConfigurationProperties("app.alerts")
record AlertSettings(String sentryDsn, String slackWebhookUrl, String environment,
		@DefaultValue("5s") @DurationMin(millis = 1) Duration timeout) {

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
