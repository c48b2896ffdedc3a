package com.spatialintel.video.processing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param ffprobePath the ffprobe executable ({@code FFPROBE_PATH}; found on PATH by default)
 * @param probeTimeout how long ffprobe may take to read an upload's headers
 */
@ConfigurationProperties("app.processing")
record ProcessingSettings(@DefaultValue("ffprobe") String ffprobePath, @DefaultValue("2m") Duration probeTimeout) {
}
