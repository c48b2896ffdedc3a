package com.spatialintel.video.processing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import tools.jackson.databind.json.JsonMapper;

import com.spatialintel.video.motion.MotionAnalyzer;
import com.spatialintel.video.motion.MotionIndex;
import com.spatialintel.video.motion.MotionIndexes;
import com.spatialintel.video.storage.ObjectStorage;
import com.spatialintel.video.video.Video;
import com.spatialintel.video.video.VideoFiles;
import com.spatialintel.video.video.Videos;

import org.springframework.stereotype.Component;

/**
 * The proxy job, step by step: the original is downloaded and checked, transcoded to the proxy, a
 * poster and the scrub previews are taken from the proxy (side by side, while the proxy and the
 * motion index, from the frames the same ffmpeg run wrote beside it, are stored), and the result is
 * recorded on the job and the video. A new step is one more class called here.
 */
@Component
class ProxyJob implements JobHandler {

	private final OriginalDownload download;

	private final ProxyTranscode transcode;

	private final PosterFrame poster;

	private final PreviewSheet previews;

	private final ObjectStorage storage;

	private final JobOutcomes outcomes;

	private final Videos videos;

	private final JsonMapper json;

	private final MotionIndexes motion;

	private final Clock clock;

	private final ExecutorService sideOutputs = Executors.newCachedThreadPool(task -> {
		Thread thread = new Thread(task, "proxy-side-output");
		thread.setDaemon(true);
		return thread;
	});

	ProxyJob(OriginalDownload download, ProxyTranscode transcode, PosterFrame poster, PreviewSheet previews,
			ObjectStorage storage, JobOutcomes outcomes, Videos videos, MotionIndexes motion, JsonMapper json, Clock clock) {
		this.motion = motion;
		this.download = download;
		this.transcode = transcode;
		this.poster = poster;
		this.previews = previews;
		this.storage = storage;
		this.outcomes = outcomes;
		this.videos = videos;
		this.json = json;
		this.clock = clock;
	}

	@Override
	public JobType type() {
		return JobType.PROXY;
	}

	@Override
	public void run(RunningJob job) throws IOException, InterruptedException {
		Instant started = clock.instant();
		Video video = job.video();
		VideoFiles files = video.files();
		Path original = download.run(job);
		Instant downloaded = clock.instant();
		Optional<ProxyTranscode.Proxy> made = transcode.run(job, original);
		Instant transcoded = clock.instant();
		if (made.isEmpty()) {
			return;
		}
		ProxyTranscode.Proxy proxy = made.get();
		// the poster and the previews are two small ffmpeg runs on the proxy: they run beside each
		// other and beside the uploads, and each is awaited before the job's folder can go
		Future<Optional<Path>> posterMade = sideOutputs.submit(() -> poster.run(job, proxy));
		Future<Optional<PreviewSheet.Previews>> previewsMade = sideOutputs.submit(() -> previews.run(job, proxy));
		Optional<Path> posterFile;
		Optional<PreviewSheet.Previews> previewFiles;
		MotionIndex motionIndex = null;
		long motionBytes = 0;
		double motionSeconds;
		try {
			storage.upload(files.proxy(), proxy.file(), "video/mp4");
			Instant motionStarted = clock.instant();
			if (proxy.motionFrames() != null && Files.exists(proxy.motionFrames())) {
				motionIndex = MotionAnalyzer.of(proxy.motionFrames());
				motionBytes = motion.upload(files, motionIndex, job.folder());
			}
			motionSeconds = seconds(motionStarted, clock.instant());
			posterFile = await(posterMade);
			if (posterFile.isPresent()) {
				storage.upload(files.poster(), posterFile.get(), "image/jpeg");
			}
			previewFiles = await(previewsMade);
			if (previewFiles.isPresent()) {
				storage.upload(files.previewsImage(), previewFiles.get().sheet(), "image/jpeg");
				storage.upload(files.previews(), previewFiles.get().vtt(), "text/vtt");
			}
		}
		finally {
			// a failed upload still waits for them: nothing may write into the folder once it is removed
			settle(posterMade);
			settle(previewsMade);
		}
		double previewsSeconds = previewFiles.map(PreviewSheet.Previews::seconds).orElse(0.0);
		String posterKey = posterFile.map(file -> files.poster()).orElse(null);
		String previewsKey = previewFiles.map(file -> files.previews()).orElse(null);
		double elapsed = seconds(started, clock.instant());
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("proxy_path", files.proxy());
		result.put("poster_path", posterKey);
		result.put("previews_path", previewsKey);
		result.put("preview_tiles", previewFiles.map(sheet -> sheet.plan().tiles()).orElse(0));
		result.put("previews_seconds", previewsSeconds);
		result.put("proxy_size_bytes", Files.size(proxy.file()));
		result.put("duration_seconds", proxy.durationSeconds());
		result.put("download_seconds", seconds(started, downloaded));
		result.put("transcode_seconds", seconds(downloaded, transcoded));
		result.put("motion_index_bytes", motionIndex == null ? null : motionBytes);
		result.put("motion_index_seconds", motionIndex == null ? null : motionSeconds);
		result.put("elapsed_seconds", elapsed);
		result.put("speed_x", elapsed > 0 ? Math.round(proxy.durationSeconds() / elapsed * 100) / 100.0 : null);
		MotionIndex madeIndex = motionIndex;
		long madeBytes = motionBytes;
		if (!outcomes.complete(job.job(), json.writeValueAsString(result), () -> {
			if (!videos.markProcessingCompleted(video.id(), files.proxy(), posterKey, previewsKey)) {
				return false;
			}
			if (madeIndex != null) {
				motion.recorded(video.id(), madeIndex, madeBytes);
			}
			return true;
		})) {
			// cancelled (or its video deleted) while the files were being stored: nothing may point at them
			files.derived().forEach(storage::delete);
		}
	}

	/** The side output's result; its own failures are logged by it and come back empty, anything else is rethrown. */
	private static <T> T await(Future<T> made) throws IOException, InterruptedException {
		try {
			return made.get();
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof IOException io) {
				throw io;
			}
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	/** Waits for a side output that may still be running, whatever it gives. */
	private static void settle(Future<?> made) throws InterruptedException {
		try {
			made.get();
		}
		catch (ExecutionException ignored) {
			// reported by await, or irrelevant once the job has failed
		}
	}

	private static double seconds(Instant from, Instant to) {
		return Duration.between(from, to).toMillis() / 1000.0;
	}

}
