package com.spatialintel.video.processing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import com.spatialintel.video.media.FfmpegRun;
import com.spatialintel.video.media.MediaSettings;
import com.spatialintel.video.motion.MotionAnalyzer;
import com.spatialintel.video.motion.MotionGrid;
import com.spatialintel.video.motion.MotionIndex;
import com.spatialintel.video.motion.MotionIndexes;
import com.spatialintel.video.storage.ObjectStorage;
import com.spatialintel.video.storage.StorageUnavailableException;
import com.spatialintel.video.video.Video;

import org.springframework.stereotype.Component;

/**
 * The {@code motion_index} job: a processed video's motion index made from its stored proxy (a
 * second decode, of the 480p / 10 fps proxy, for videos processed before the proxy job made one).
 */
@Component
class MotionIndexJob implements JobHandler {

	private final ObjectStorage storage;

	private final MediaSettings media;

	private final ProcessingSettings settings;

	private final MotionIndexes motion;

	private final JobOutcomes outcomes;

	private final JsonMapper json;

	private final Clock clock;

	MotionIndexJob(ObjectStorage storage, MediaSettings media, ProcessingSettings settings, MotionIndexes motion,
			JobOutcomes outcomes, JsonMapper json, Clock clock) {
		this.storage = storage;
		this.media = media;
		this.settings = settings;
		this.motion = motion;
		this.outcomes = outcomes;
		this.json = json;
		this.clock = clock;
	}

	@Override
	public JobType type() {
		return JobType.MOTION_INDEX;
	}

	@Override
	public void run(RunningJob job) throws IOException, InterruptedException {
		Instant started = clock.instant();
		Video video = job.video();
		if (!video.hasProxy()) {
			throw new JobFailure("This video has no proxy to build its motion index from; reprocess it first.", "no proxy");
		}
		Path proxy = job.folder().resolve("proxy.mp4");
		try (InputStream in = storage.download(video.proxyPath())
			.orElseThrow(() -> new JobFailure("The video's proxy is missing from storage; reprocess the video.", "no object"))) {
			Files.copy(in, proxy);
		}
		catch (IOException ex) {
			throw new StorageUnavailableException(ex);
		}
		Path frames = job.folder().resolve("motion.gray");
		double duration = video.metadata().durationSeconds() == null ? 0 : video.metadata().durationSeconds();
		FfmpegRun.Result result = new FfmpegRun().run(List.of(media.ffmpegPath(), "-hide_banner", "-nostdin", "-y", "-nostats",
				"-progress", "pipe:1", "-i", proxy.toString(), "-map", "0:v:0", "-vf", MotionGrid.filter(), "-f", "rawvideo",
				frames.toString()), duration, settings.jobTimeLimit(), job.heartbeat());
		if (result.stop() == FfmpegRun.Stop.CANCELLED) {
			return;
		}
		if (result.stop() == FfmpegRun.Stop.TIME_LIMIT || result.exitCode() != 0) {
			throw new JobFailure("The proxy could not be read to build the motion index; reprocess the video.",
					"ffmpeg " + result.stop() + " exit " + result.exitCode() + ":\n" + result.stderrTail());
		}
		MotionIndex index = MotionAnalyzer.of(frames);
		long bytes = motion.upload(video.files(), index, job.folder());
		Map<String, Object> made = new LinkedHashMap<>();
		made.put("motion_index_seconds", index.seconds());
		made.put("motion_index_bytes", bytes);
		made.put("elapsed_seconds", Duration.between(started, clock.instant()).toMillis() / 1000.0);
		if (!outcomes.complete(job.job(), json.writeValueAsString(made), () -> {
			motion.recorded(video.id(), index, bytes);
			return true;
		})) {
			storage.delete(video.files().motion());
		}
	}

}
