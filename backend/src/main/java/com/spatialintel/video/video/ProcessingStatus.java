package com.spatialintel.video.video;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where the proxy is: waiting, queued, being made, made, or failed; with the only changes allowed.
 * A running job may be taken up again (running to running) or queued again after a transient
 * failure; completed and failed are finished, and only reprocessing starts them over.
 */
public enum ProcessingStatus {

	PENDING, QUEUED, RUNNING, COMPLETED, FAILED;

	private static final Map<ProcessingStatus, Set<ProcessingStatus>> ALLOWED = Map.of(
			PENDING, EnumSet.of(QUEUED, RUNNING, FAILED),
			QUEUED, EnumSet.of(RUNNING, FAILED),
			RUNNING, EnumSet.of(RUNNING, QUEUED, COMPLETED, FAILED),
			COMPLETED, EnumSet.of(PENDING),
			FAILED, EnumSet.of(PENDING));

	public boolean mayBecome(ProcessingStatus next) {
		return ALLOWED.get(this).contains(next);
	}

	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	static ProcessingStatus of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
