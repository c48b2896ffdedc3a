package com.spatialintel.video.video;

/** What ffprobe found in the original. */
public record VideoMetadata(Integer width, Integer height, Double fps, String codec, Double durationSeconds) {
}
