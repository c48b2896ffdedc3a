package com.spatialintel.video.processing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.spatialintel.video.media.MediaSettings;

import org.springframework.stereotype.Component;

/**
 * A step of the proxy job: the poster comes from the finished proxy (one 480p frame, ~0.2 s): a
 * second output in the transcode itself made ffmpeg scale every 1080p frame for it, +30-60 %
 * (bench/README.md).
 */
@Component
class PosterFrame {

	/** One frame of a 480p proxy takes ~0.2 s; past this, ffmpeg is stuck and the video goes without a poster. */
	static final Duration LIMIT = Duration.ofSeconds(60);

	private final MediaSettings media;

	PosterFrame(MediaSettings media) {
		this.media = media;
	}

	/** @return the poster in the job's folder; empty when none could be made */
	Optional<Path> run(RunningJob job, ProxyTranscode.Proxy proxy) throws InterruptedException {
		Path poster = job.folder().resolve("poster.jpg");
		String at = String.valueOf(Math.min(1.0, proxy.durationSeconds() / 2));
		List<String> command = List.of(media.ffmpegPath(), "-v", "error", "-nostdin", "-y", "-ss", at, "-i",
				proxy.file().toString(), "-frames:v", "1", "-q:v", "4", poster.toString());
		return SideOutput.make("poster", command, poster, LIMIT, proxy.file()) ? Optional.of(poster) : Optional.empty();
	}

}
