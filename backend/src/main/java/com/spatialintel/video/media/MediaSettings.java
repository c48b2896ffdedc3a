package com.spatialintel.video.media;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The defaults of the settings with an environment variable are in {@code application.yml}, next to it.
 * @param ffprobePath the ffprobe executable ({@code FFPROBE_PATH}; found on PATH by default)
 * @param ffmpegPath the ffmpeg executable ({@code FFMPEG_PATH}; found on PATH by default)
 * @param probeTimeout how long ffprobe may take to read an upload's headers
 */
@Validated
@ConfigurationProperties("app.media")
public record MediaSettings(@NotBlank(message = "FFPROBE_PATH must name the ffprobe executable.") String ffprobePath,
		@NotBlank(message = "FFMPEG_PATH must name the ffmpeg executable.") String ffmpegPath,
		@DefaultValue("2m") @DurationMin(seconds = 1) Duration probeTimeout) {
}
