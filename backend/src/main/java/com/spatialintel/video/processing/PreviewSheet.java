package com.spatialintel.video.processing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.spatialintel.video.media.MediaSettings;

import org.springframework.stereotype.Component;

/** A step of the proxy job: the scrub previews (a sprite sheet and its WebVTT) from the finished proxy's keyframes. */
@Component
class PreviewSheet {

	private static final Logger log = LoggerFactory.getLogger(PreviewSheet.class);

	/** The previews decode only keyframes (~1 s for an hour of proxy); past this the video goes without them. */
	static final Duration LIMIT = Duration.ofMinutes(5);

	private final MediaSettings media;

	PreviewSheet(MediaSettings media) {
		this.media = media;
	}

	/** The previews made: the sheet and the WebVTT file in the job's folder, and how long they took. */
	record Previews(ScrubPreviews plan, Path sheet, Path vtt, double seconds) {
	}

	/** @return the previews; empty when none could be made */
	Optional<Previews> run(RunningJob job, ProxyTranscode.Proxy proxy) throws IOException, InterruptedException {
		long started = System.nanoTime();
		Integer width = proxy.metadata().width();
		Integer height = proxy.metadata().height();
		if (width == null || height == null || !(proxy.durationSeconds() > 0)) {
			log.warn("No previews for {}: ffprobe gave no frame size or duration", proxy.file());
			return Optional.empty();
		}
		ScrubPreviews plan = ScrubPreviews.plan(proxy.durationSeconds(), width, height);
		Path sheet = job.folder().resolve(ScrubPreviews.IMAGE);
		if (!SideOutput.make("previews", plan.command(media.ffmpegPath(), proxy.file(), sheet), sheet, LIMIT,
				proxy.file())) {
			return Optional.empty();
		}
		Path vtt = Files.writeString(job.folder().resolve("previews.vtt"), plan.vtt());
		double seconds = Math.round((System.nanoTime() - started) / 1e6) / 1000.0;
		return Optional.of(new Previews(plan, sheet, vtt, seconds));
	}

}
