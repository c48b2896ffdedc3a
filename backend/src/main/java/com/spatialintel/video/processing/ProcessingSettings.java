package com.spatialintel.video.processing;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param ffprobePath the ffprobe executable ({@code FFPROBE_PATH}; found on PATH by default)
 * @param ffmpegPath the ffmpeg executable ({@code FFMPEG_PATH}; found on PATH by default)
 * @param probeTimeout how long ffprobe may take to read an upload's headers
 * @param jobTimeLimit the hard limit of one proxy job ({@code JOB_TIME_LIMIT}); ffmpeg is killed past it
 * @param x264Preset the x264 preset of the proxy, chosen by the benchmark (bench/README.md)
 * @param maxAttempts how often a job runs in all before a transient failure ends it
 * @param workDirectory where each job keeps its temporary folder
 */
@ConfigurationProperties("app.processing")
record ProcessingSettings(@DefaultValue("ffprobe") String ffprobePath, @DefaultValue("ffmpeg") String ffmpegPath,
		@DefaultValue("2m") Duration probeTimeout, @DefaultValue("1h") Duration jobTimeLimit,
		@DefaultValue("veryfast") String x264Preset, @DefaultValue("4") int maxAttempts, Path workDirectory) {

	ProcessingSettings {
		if (workDirectory == null) {
			workDirectory = Path.of(System.getProperty("java.io.tmpdir"), "spatial-intel-jobs");
		}
	}

}
