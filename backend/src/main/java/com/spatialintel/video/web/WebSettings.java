package com.spatialintel.video.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.lang.Nullable;

/**
 * @param publicBaseUrl where people open the app ({@code PUBLIC_BASE_URL}); unset: this machine's
 * HTTP port on localhost
 * @param role {@code APP_ROLE}: only processes that serve the API serve the UI
 */
@ConfigurationProperties("app.web")
record WebSettings(@Nullable String publicBaseUrl, String role) {

	boolean servesUi() {
		return !"worker".equals(role);
	}

}
