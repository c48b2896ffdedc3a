package com.spatialintel.video.video;

import java.time.Instant;

/**
 * What ffprobe found in the original; {@code creationTime} is the file's own {@code creation_time}
 * tag as written (null when absent or unreadable), not yet judged plausible.
 */
public record VideoMetadata(Integer width, Integer height, Double fps, String codec, Double durationSeconds,
		Instant creationTime) {
}
