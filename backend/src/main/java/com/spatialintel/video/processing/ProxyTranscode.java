package com.spatialintel.video.processing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.spatialintel.video.media.FfmpegRun;
import com.spatialintel.video.media.MediaSettings;
import com.spatialintel.video.media.VideoProbe;
import com.spatialintel.video.video.VideoMetadata;

import org.springframework.stereotype.Component;

/**
 * A step of the proxy job: ffmpeg makes the proxy from the original, its progress being the job's
 * heartbeat, and ffprobe checks that the proxy holds (nearly) all of the original's seconds.
 */
@Component
class ProxyTranscode {

	private static final Logger log = LoggerFactory.getLogger(ProxyTranscode.class);

	private final MediaSettings media;

	private final ProcessingSettings settings;

	private final VideoProbe probe;

	ProxyTranscode(MediaSettings media, ProcessingSettings settings, VideoProbe probe) {
		this.media = media;
		this.settings = settings;
		this.probe = probe;
	}

	/** The proxy made, with what ffprobe reads in it. */
	record Proxy(Path file, VideoMetadata metadata, double durationSeconds) {
	}

	/** @return the proxy; empty when the job was cancelled meanwhile (ffmpeg is stopped) */
	Optional<Proxy> run(RunningJob job, Path original) throws IOException, InterruptedException {
		Path proxy = job.folder().resolve("proxy.mp4");
		VideoMetadata source = job.video().metadata();
		double duration = source.durationSeconds() == null ? 0 : source.durationSeconds();
		FfmpegRun.Result result = new FfmpegRun().run(command(original, proxy), duration, settings.jobTimeLimit(),
				job.heartbeat());
		switch (result.stop()) {
			case CANCELLED -> {
				log.info("Processing job {} was cancelled; ffmpeg stopped", job.id());
				return Optional.empty();
			}
			case TIME_LIMIT -> throw new JobFailure("Processing took longer than the limit of "
					+ SideOutput.describe(settings.jobTimeLimit()) + " and was stopped.",
					"ffmpeg killed at the time limit; last output:\n" + result.stderrTail());
			case NONE -> {
				if (result.exitCode() != 0 || !Files.exists(proxy)) {
					throw new JobFailure("The video could not be converted completely; the file may be corrupt or truncated.",
							"ffmpeg exit code " + result.exitCode() + ":\n" + result.stderrTail());
				}
			}
		}
		VideoMetadata made = probe.probe(proxy.toUri().toURL());
		double proxyDuration = made.durationSeconds() == null ? 0 : made.durationSeconds();
		if (duration > 0 && proxyDuration < duration * 0.9 - 0.5) {
			throw new JobFailure(("The video could not be converted completely: only %.1f of its %.1f seconds could be read; "
					+ "the file may be truncated or corrupt.").formatted(proxyDuration, duration),
					"proxy duration " + proxyDuration + " s, source " + duration + " s; ffmpeg said:\n" + result.stderrTail());
		}
		return Optional.of(new Proxy(proxy, made, proxyDuration));
	}

	/**
	 * The proxy command: fps first, never upscale, even width, audio when there is some, and a
	 * keyframe at least every 5 s: a seek decodes at most 50 frames, and the previews are keyframes.
	 */
	List<String> command(Path original, Path proxy) {
		String fit = "scale='min(854,iw)':'min(480,ih)':force_original_aspect_ratio=decrease:force_divisible_by=2";
		return List.of(media.ffmpegPath(), "-hide_banner", "-nostdin", "-y", "-nostats", "-progress", "pipe:1",
				"-i", original.toString(), "-map", "0:v:0", "-map", "0:a:0?", "-vf", "fps=" + ProxyFormat.FRAMES_PER_SECOND + "," + fit, "-c:v", "libx264",
				"-preset", settings.x264Preset(), "-crf", "23", "-pix_fmt", "yuv420p",
				"-force_key_frames", "expr:gte(t,n_forced*" + ScrubPreviews.KEYFRAME_SECONDS + ")", "-c:a", "aac",
				"-b:a", "128k", "-movflags", "+faststart", proxy.toString());
	}

}
