package com.spatialintel.video.processing;

import java.util.Locale;

/** The kinds of processing job; stored in {@code processing_jobs.job_type}. */
public enum JobType {

	/** A 480p / 10 fps H.264 proxy of the original, for review in the browser. */
	PROXY;

	String value() {
		return name().toLowerCase(Locale.ROOT);
	}

}
