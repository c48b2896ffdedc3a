package com.spatialintel.video.processing;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of processing job; stored in {@code processing_jobs.job_type}. A video may have jobs of
 * several types, each with its own status and progress; each type has one {@link JobHandler}.
 */
public enum JobType {

	/** A 480p / 10 fps H.264 proxy of the original, for review in the browser; the video's status follows it. */
	PROXY(true),

	/** The motion index of a processed video, made from its stored proxy: for videos processed before there was one. */
	MOTION_INDEX(false);

	private final boolean followedByVideo;

	JobType(boolean followedByVideo) {
		this.followedByVideo = followedByVideo;
	}

	/** Whether the video's {@code processing_status} follows this job (start, fail, requeue, complete). */
	public boolean followedByVideo() {
		return followedByVideo;
	}

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The type named {@code value} (as the API writes it); empty for any other text. */
	public static Optional<JobType> named(String value) {
		return Arrays.stream(values()).filter(type -> type.value().equals(value)).findFirst();
	}

	static JobType of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
