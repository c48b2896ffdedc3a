package com.spatialintel.video.audit;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** How an audited action ended; {@code checkpoint} marks where the log's own retention cut it. */
public enum AuditOutcome {

	SUCCESS, FAILURE, DENIED, CHECKPOINT;

	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	static AuditOutcome of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
