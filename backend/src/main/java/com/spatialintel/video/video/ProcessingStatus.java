package com.spatialintel.video.video;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where the proxy is: waiting, queued, being made, made, or failed. */
public enum ProcessingStatus {

	PENDING, QUEUED, RUNNING, COMPLETED, FAILED;

	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	static ProcessingStatus of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
