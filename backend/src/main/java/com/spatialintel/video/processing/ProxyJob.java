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
 * poster and the scrub previews are taken from the proxy, the motion index from the frames the same
 * ffmpeg run wrote beside it, the files are stored, and the result is
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
		storage.upload(files.proxy(), proxy.file(), "video/mp4");
		Optional<Path> posterFile = poster.run(job, proxy);
		if (posterFile.isPresent()) {
			storage.upload(files.poster(), posterFile.get(), "image/jpeg");
		}
		Instant previewsStarted = clock.instant();
		Optional<PreviewSheet.Previews> previewFiles = previews.run(job, proxy);
		double previewsSeconds = seconds(previewsStarted, clock.instant());
		if (previewFiles.isPresent()) {
			storage.upload(files.previewsImage(), previewFiles.get().sheet(), "image/jpeg");
			storage.upload(files.previews(), previewFiles.get().vtt(), "text/vtt");
		}
		Instant motionStarted = clock.instant();
		MotionIndex motionIndex = null;
		long motionBytes = 0;
		if (proxy.motionFrames() != null && Files.exists(proxy.motionFrames())) {
			motionIndex = MotionAnalyzer.of(proxy.motionFrames());
			motionBytes = motion.upload(files, motionIndex, job.folder());
		}
		double motionSeconds = seconds(motionStarted, clock.instant());
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

	private static double seconds(Instant from, Instant to) {
		return Duration.between(from, to).toMillis() / 1000.0;
	}

}
