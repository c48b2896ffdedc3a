package com.spatialintel.video.auth;

import java.time.Duration;

import com.spatialintel.video.runtime.Secrets;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The defaults of the settings with an environment variable are in {@code application.yml}, next
 * to it; the secret's strength is checked before binding ({@code RuntimeEnvironmentPostProcessor}).
 * @param jwtSecret HMAC key for login tokens ({@code JWT_SECRET})
 * @param tokenTtl how long a login token is valid
 * @param adminEmail e-mail of the admin created on first start ({@code ADMIN_EMAIL})
 * @param adminPassword that admin's password ({@code ADMIN_PASSWORD}); generated and logged once when blank
 * @param maxFailedLogins failed logins for one e-mail address, within {@code failedLoginWindow}, before more are refused
 * @param failedLoginWindow the window over which failed logins are counted
 * @param maxFailedLoginsPerClient failed logins from one client address, whatever the accounts, within the
 * window, before more from it are refused ({@code MAX_FAILED_LOGINS_PER_CLIENT})
 * @param failedLoginKeyPrefix where in Redis the counts are kept; deployments sharing a Redis give each its own
 */
@Validated
@ConfigurationProperties("app.auth")
record AuthSettings(String jwtSecret, @DefaultValue("12h") @DurationMin(seconds = 1) Duration tokenTtl,
		@NotBlank(message = "ADMIN_EMAIL must name the first admin's e-mail address.") String adminEmail,
		String adminPassword, @DefaultValue("10") @Min(1) int maxFailedLogins,
		@DefaultValue("15m") @DurationMin(seconds = 1) Duration failedLoginWindow,
		@Min(value = 1, message = "MAX_FAILED_LOGINS_PER_CLIENT must be at least 1.") int maxFailedLoginsPerClient,
		@DefaultValue("login-failures:") String failedLoginKeyPrefix) {

	/** Without the secrets: settings may end up in a log line. */
	@Override
	public String toString() {
		return "AuthSettings[jwtSecret=%s, tokenTtl=%s, adminEmail=%s, adminPassword=%s, maxFailedLogins=%d, failedLoginWindow=%s, maxFailedLoginsPerClient=%d, failedLoginKeyPrefix=%s]"
			.formatted(Secrets.mask(jwtSecret), tokenTtl, adminEmail, Secrets.mask(adminPassword), maxFailedLogins,
					failedLoginWindow, maxFailedLoginsPerClient, failedLoginKeyPrefix);
	}

}
