package com.spatialintel.video.video;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a video's {@code recorded_at} came from: the operator gave it, or the file's own
 * {@code creation_time} tag was taken because the operator gave none.
 */
public enum RecordingTimeSource {

	OPERATOR, FILE;

	/** The earliest a file's own time is believed: before it, cameras with no clock set write 1970 or 0000. */
	static final Instant EARLIEST_FILE_TIME = Instant.EPOCH;

	/** A camera's clock may be a little ahead of ours; a day ahead is a wrong clock. */
	static final Duration FILE_TIME_AHEAD = Duration.ofDays(1);

	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	static RecordingTimeSource of(String value) {
		return value == null ? null : valueOf(value.toUpperCase(Locale.ROOT));
	}

	/** The file's own time when it is plausible (after 1970, at most a day after {@code now}); otherwise null. */
	static Instant plausibleFileTime(Instant fileTime, Instant now) {
		if (fileTime == null || !fileTime.isAfter(EARLIEST_FILE_TIME) || fileTime.isAfter(now.plus(FILE_TIME_AHEAD))) {
			return null;
		}
		return fileTime;
	}

}
