package com.spatialintel.video.processing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.spatialintel.video.media.FfmpegRun;
import com.spatialintel.video.media.MediaSettings;
import com.spatialintel.video.media.UnreadableVideoException;
import com.spatialintel.video.media.VideoProbe;
import com.spatialintel.video.motion.MotionGrid;
import com.spatialintel.video.motion.MotionSettings;
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

	private final MotionSettings motion;

	ProxyTranscode(MediaSettings media, ProcessingSettings settings, VideoProbe probe, MotionSettings motion) {
		this.media = media;
		this.settings = settings;
		this.probe = probe;
		this.motion = motion;
	}

	/**
	 * The proxy made, with what ffprobe reads in it.
	 * @param motionFrames the analysed frames for the motion index ({@link MotionGrid}), made by the same
	 * ffmpeg run; null when the index is switched off
	 */
	record Proxy(Path file, VideoMetadata metadata, double durationSeconds, Path motionFrames) {
	}

	/** @return the proxy; empty when the job was cancelled meanwhile (ffmpeg is stopped) */
	Optional<Proxy> run(RunningJob job, Path original) throws IOException, InterruptedException {
		Path proxy = job.folder().resolve("proxy.mp4");
		Path motionFrames = motion.enabled() ? job.folder().resolve("motion.gray") : null;
		VideoMetadata source = job.video().metadata();
		double duration = source.durationSeconds() == null ? 0 : source.durationSeconds();
		FfmpegRun.Result result = new FfmpegRun().run(command(original, proxy, motionFrames), duration, settings.jobTimeLimit(),
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
		VideoMetadata made;
		try {
			made = probe.probe(proxy.toUri().toURL());
		}
		catch (UnreadableVideoException ex) {
			throw new JobFailure("The video could not be converted: no picture could be read from it.",
					"the proxy ffmpeg wrote is not usable (" + ex.getMessage() + "); ffmpeg said:\n" + result.stderrTail());
		}
		double proxyDuration = made.durationSeconds() == null ? 0 : made.durationSeconds();
		if (duration > 0 && proxyDuration < duration * 0.9 - 0.5) {
			throw new JobFailure(("The video could not be converted completely: only %.1f of its %.1f seconds could be read; "
					+ "the file may be truncated or corrupt.").formatted(proxyDuration, duration),
					"proxy duration " + proxyDuration + " s, source " + duration + " s; ffmpeg said:\n" + result.stderrTail());
		}
		return Optional.of(new Proxy(proxy, made, proxyDuration, motionFrames));
	}

	/**
	 * The proxy command: interlaced frames deinterlaced (DVRs still record fields; progressive frames
	 * pass untouched), then fps, never upscale, even width, audio when there is some (more than two
	 * channels mixed down to stereo, which every browser plays), and a keyframe at least every 5 s: a
	 * seek decodes at most 50 frames, and the previews are keyframes. A phone's rotation is applied
	 * by ffmpeg itself (the proxy comes out upright).
	 * With {@code motionFrames}, the same decode also writes the motion index's small grey frames
	 * there (a second output of the filter graph, after the proxy's fps and scale).
	 */
	List<String> command(Path original, Path proxy, Path motionFrames) {
		String fit = "scale='min(854,iw)':'min(480,ih)':force_original_aspect_ratio=decrease:force_divisible_by=2";
		String video = "bwdif=mode=send_frame:deint=interlaced,fps=" + ProxyFormat.FRAMES_PER_SECOND
				// a clip shorter than one proxy frame (a single picture) still gives its frame
				+ ":eof_action=pass," + fit;
		List<String> command = new ArrayList<>(List.of(media.ffmpegPath(), "-hide_banner", "-nostdin", "-y", "-nostats",
				"-progress", "pipe:1", "-i", original.toString()));
		if (motionFrames == null) {
			command.addAll(List.of("-map", "0:v:0", "-vf", video));
		}
		else {
			command.addAll(List.of("-filter_complex", "[0:v:0]" + video + ",split=2[proxy][motion];[motion]" + MotionGrid.filter()
					+ "[grey]", "-map", "[proxy]"));
		}
		command.addAll(List.of("-map", "0:a:0?", "-c:v", "libx264", "-preset", settings.x264Preset(), "-crf", "23", "-pix_fmt",
				"yuv420p", "-force_key_frames", "expr:gte(t,n_forced*" + ScrubPreviews.KEYFRAME_SECONDS + ")", "-af", "aformat=channel_layouts=stereo|mono", "-c:a", "aac",
				"-b:a", "128k", "-movflags", "+faststart", proxy.toString()));
		if (motionFrames != null) {
			command.addAll(List.of("-map", "[grey]", "-f", "rawvideo", motionFrames.toString()));
		}
		return command;
	}

}
