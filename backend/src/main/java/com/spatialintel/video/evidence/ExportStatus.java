package com.spatialintel.video.evidence;

import java.util.Locale;

/** Where an export stands: its job waits, runs, ended with a package or a sentence; or it was deleted. */
enum ExportStatus {

	QUEUED, RUNNING, COMPLETED, FAILED, DELETED;

	String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	static ExportStatus of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
