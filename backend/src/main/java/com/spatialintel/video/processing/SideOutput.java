package com.spatialintel.video.processing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.spatialintel.video.media.FfmpegRun;

/**
 * An ffmpeg that makes a file from the finished proxy (the poster, the previews). A video without
 * it still plays, so a failure is logged, not fatal.
 */
final class SideOutput {

	private static final Logger log = LoggerFactory.getLogger(SideOutput.class);

	private SideOutput() {
	}

	/** @return whether {@code made} was made within {@code limit} */
	static boolean make(String what, List<String> command, Path made, Duration limit, Path proxy)
			throws InterruptedException {
		try {
			FfmpegRun.Result result = new FfmpegRun().run(command, 0, limit, progress -> true);
			if (result.stop() == FfmpegRun.Stop.TIME_LIMIT) {
				log.warn("No {} for {}: ffmpeg took longer than {}", what, proxy, describe(limit));
				return false;
			}
			if (result.exitCode() != 0 || !Files.exists(made)) {
				log.warn("No {} for {}: {}", what, proxy, result.stderrTail().trim());
				return false;
			}
			return true;
		}
		catch (IOException ex) {
			log.warn("No {} for {}: {}", what, proxy, ex.getMessage());
			return false;
		}
	}

	static String describe(Duration duration) {
		return duration.toMinutes() >= 60 && duration.toMinutesPart() == 0 ? duration.toHours() + " h"
				: duration.toMinutes() >= 1 ? duration.toMinutes() + " min" : duration.toSeconds() + " s";
	}

}
