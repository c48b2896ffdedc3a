package com.spatialintel.video.processing;

import java.util.Locale;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A processing job's state, with the only changes allowed. A retry (transient failure, or a worker
 * that died) goes back from running to pending; completed, failed and cancelled are final.
 */
public enum JobStatus {

	PENDING, RUNNING, COMPLETED, FAILED, CANCELLED;

	private static final Map<JobStatus, Set<JobStatus>> ALLOWED = Map.of(
			PENDING, EnumSet.of(RUNNING, FAILED, CANCELLED),
			RUNNING, EnumSet.of(COMPLETED, FAILED, CANCELLED, PENDING),
			COMPLETED, EnumSet.noneOf(JobStatus.class),
			FAILED, EnumSet.noneOf(JobStatus.class),
			CANCELLED, EnumSet.noneOf(JobStatus.class));

	public boolean mayBecome(JobStatus next) {
		return ALLOWED.get(this).contains(next);
	}

	public boolean isFinal() {
		return ALLOWED.get(this).isEmpty();
	}

	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	static JobStatus of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
