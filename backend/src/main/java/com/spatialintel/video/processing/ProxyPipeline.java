package com.spatialintel.video.processing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import com.spatialintel.video.storage.ObjectStorage;
import com.spatialintel.video.storage.StorageUnavailableException;
import com.spatialintel.video.video.Video;
import com.spatialintel.video.video.VideoMetadata;
import com.spatialintel.video.video.Videos;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * The proxy job: claim the job, stream the original from S3 into the job's own folder
 * while hashing it, run ffmpeg for the proxy with progress and heartbeat, take a poster and the scrub
 * previews from it, upload them, and record the result. The folder is deleted in every outcome.
 */
@Component
class ProxyPipeline {

	private static final Logger log = LoggerFactory.getLogger(ProxyPipeline.class);

	/**
	 * A running job without a heartbeat for this long has lost its worker: heartbeats come every 2 s,
	 * and the queue re-hands a job only after its server was silent for 4 polls (20 s).
	 */
	static final Duration SILENT_WORKER = Duration.ofSeconds(15);

	/** One frame of a 480p proxy takes ~0.2 s; past this, ffmpeg is stuck and the video goes without a poster. */
	static final Duration POSTER_LIMIT = Duration.ofSeconds(60);

	/** The previews decode only keyframes (~1 s for an hour of proxy); past this the video goes without them. */
	static final Duration PREVIEWS_LIMIT = Duration.ofMinutes(5);

	private final ProcessingJobRepository jobs;

	private final Videos videos;

	private final ObjectStorage storage;

	private final VideoProbe probe;

	private final ProcessingSettings settings;

	private final Clock clock;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	private final JobOutcomes outcomes;

	private final String hostname = hostname();

	ProxyPipeline(ProcessingJobRepository jobs, Videos videos, ObjectStorage storage, VideoProbe probe,
			ProcessingSettings settings, Clock clock, JsonMapper json, ApplicationEventPublisher events,
			JobOutcomes outcomes) {
		this.jobs = jobs;
		this.outcomes = outcomes;
		this.events = events;
		this.json = json;
		this.videos = videos;
		this.storage = storage;
		this.probe = probe;
		this.settings = settings;
		this.clock = clock;
	}

	/** A failure that running the job again will not cure; the sentence is for people. */
	static final class Unrecoverable extends RuntimeException {

		private final String detail;

		Unrecoverable(String sentence, String detail) {
			super(sentence);
			this.detail = detail;
		}

	}

	void run(UUID jobId) {
		ProcessingJob job = jobs.find(jobId).orElse(null);
		if (job == null || job.status().isFinal()) {
			return;
		}
		if (job.status() == JobStatus.RUNNING) {
			// the queue hands a job out again when its worker's server fell silent (killed, host lost);
			// a worker that still beats keeps it
			jobs.retakeSilent(jobId, clock.instant().minus(SILENT_WORKER),
					"Taken up again after worker " + job.workerHostname() + " fell silent.");
		}
		if (!outcomes.start(jobId, job.videoId(), hostname)) {
			return;
		}
		int attempt = job.attempts() + 1;
		Path folder = settings.workDirectory().resolve(jobId.toString());
		try {
			Video video = videos.find(job.videoId()).orElse(null);
			if (video == null) {
				jobs.transition(jobId, JobStatus.RUNNING, JobStatus.CANCELLED, "The video was deleted.", clock.instant());
				return;
			}
			recreate(folder);
			makeProxy(jobId, video, folder);
		}
		catch (StorageUnavailableException transientFailure) {
			retryOrGiveUp(jobId, job.videoId(), attempt, transientFailure);
		}
		catch (Unrecoverable failure) {
			fail(jobId, job.videoId(), failure.getMessage(), failure.detail);
		}
		catch (RuntimeException | IOException unexpected) {
			log.error("Processing job {} failed unexpectedly", jobId, unexpected);
			fail(jobId, job.videoId(), "The video could not be processed because of an error on the server.",
					String.valueOf(unexpected));
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			outcomes.requeue(jobId, job.videoId(), "Interrupted while the worker stopped.");
		}
		finally {
			deleteQuietly(folder);
		}
	}

	private void makeProxy(UUID jobId, Video video, Path folder) throws IOException, InterruptedException {
		Instant started = clock.instant();
		Path original = folder.resolve("original.mp4");
		String sha256 = downloadHashing(video.originalKey(), original);
		if (!sha256.equals(video.checksumSha256())) {
			throw new Unrecoverable("checksum mismatch: the stored file is not the file the client described "
					+ "(its SHA-256 differs); upload it again.",
					"checksum mismatch: stored " + sha256 + ", declared " + video.checksumSha256());
		}
		Path proxy = folder.resolve("proxy.mp4");
		Path poster = folder.resolve("poster.jpg");
		VideoMetadata source = video.metadata();
		double duration = source.durationSeconds() == null ? 0 : source.durationSeconds();
		FfmpegRun.Result result = new FfmpegRun().run(command(original, proxy), duration,
				settings.jobTimeLimit(), progress -> jobs.heartbeat(jobId, progress, clock.instant()));
		switch (result.stop()) {
			case CANCELLED -> {
				log.info("Processing job {} was cancelled; ffmpeg stopped", jobId);
				return;
			}
			case TIME_LIMIT -> throw new Unrecoverable(
					"Processing took longer than the limit of " + describe(settings.jobTimeLimit()) + " and was stopped.",
					"ffmpeg killed at the time limit; last output:\n" + result.stderrTail());
			case NONE -> {
				if (result.exitCode() != 0 || !Files.exists(proxy)) {
					throw new Unrecoverable("The video could not be converted completely; the file may be corrupt or truncated.",
							"ffmpeg exit code " + result.exitCode() + ":\n" + result.stderrTail());
				}
			}
		}
		VideoMetadata made = probe.probe(proxy.toUri().toURL());
		double proxyDuration = made.durationSeconds() == null ? 0 : made.durationSeconds();
		if (duration > 0 && proxyDuration < duration * 0.9 - 0.5) {
			throw new Unrecoverable(("The video could not be converted completely: only %.1f of its %.1f seconds could be read; "
					+ "the file may be truncated or corrupt.").formatted(proxyDuration, duration),
					"proxy duration " + proxyDuration + " s, source " + duration + " s; ffmpeg said:\n" + result.stderrTail());
		}
		storage.upload(video.proxyKey(), proxy, "video/mp4");
		String posterKey = null;
		if (makePoster(proxy, proxyDuration, poster)) {
			storage.upload(video.posterKey(), poster, "image/jpeg");
			posterKey = video.posterKey();
		}
		String previewsKey = null;
		Path sheet = folder.resolve(ScrubPreviews.IMAGE);
		Instant previewsStarted = clock.instant();
		Optional<ScrubPreviews> previews = makePreviews(proxy, made, proxyDuration, sheet);
		double previewsSeconds = Duration.between(previewsStarted, clock.instant()).toMillis() / 1000.0;
		if (previews.isPresent()) {
			storage.upload(video.previewsImageKey(), sheet, "image/jpeg");
			Path vtt = Files.writeString(folder.resolve("previews.vtt"), previews.get().vtt());
			storage.upload(video.previewsKey(), vtt, "text/vtt");
			previewsKey = video.previewsKey();
		}
		double elapsed = Duration.between(started, clock.instant()).toMillis() / 1000.0;
		Map<String, Object> resultData = new LinkedHashMap<>();
		resultData.put("proxy_path", video.proxyKey());
		resultData.put("poster_path", posterKey);
		resultData.put("previews_path", previewsKey);
		resultData.put("preview_tiles", previews.map(ScrubPreviews::tiles).orElse(0));
		resultData.put("previews_seconds", previewsSeconds);
		resultData.put("proxy_size_bytes", Files.size(proxy));
		resultData.put("duration_seconds", proxyDuration);
		resultData.put("elapsed_seconds", elapsed);
		resultData.put("speed_x", elapsed > 0 ? Math.round(proxyDuration / elapsed * 100) / 100.0 : null);
		if (!outcomes.complete(jobId, video.id(), json.writeValueAsString(resultData), video.proxyKey(), posterKey,
				previewsKey)) {
			// cancelled (or its video deleted) while the files were being stored: nothing may point at them
			storage.delete(video.proxyKey());
			storage.delete(video.posterKey());
			storage.delete(video.previewsKey());
			storage.delete(video.previewsImageKey());
		}
	}

	/**
	 * The proxy command: fps first, never upscale, even width, audio when there is some, and a
	 * keyframe at least every 5 s: a seek decodes at most 50 frames, and the previews are keyframes.
	 */
	List<String> command(Path original, Path proxy) {
		String fit = "scale='min(854,iw)':'min(480,ih)':force_original_aspect_ratio=decrease:force_divisible_by=2";
		return List.of(settings.ffmpegPath(), "-hide_banner", "-nostdin", "-y", "-nostats", "-progress", "pipe:1",
				"-i", original.toString(), "-map", "0:v:0", "-map", "0:a:0?", "-vf", "fps=10," + fit, "-c:v", "libx264",
				"-preset", settings.x264Preset(), "-crf", "23", "-pix_fmt", "yuv420p",
				"-force_key_frames", "expr:gte(t,n_forced*" + ScrubPreviews.KEYFRAME_SECONDS + ")", "-c:a", "aac",
				"-b:a", "128k", "-movflags", "+faststart", proxy.toString());
	}

	/**
	 * The poster comes from the finished proxy (one 480p frame, ~0.2 s): a second output in the
	 * transcode itself made ffmpeg scale every 1080p frame for it, +30-60 % (bench/README.md).
	 */
	private boolean makePoster(Path proxy, double durationSeconds, Path poster) throws InterruptedException {
		String at = String.valueOf(Math.min(1.0, durationSeconds / 2));
		return makeFromProxy("poster", List.of(settings.ffmpegPath(), "-v", "error", "-nostdin", "-y", "-ss", at, "-i",
				proxy.toString(), "-frames:v", "1", "-q:v", "4", poster.toString()), poster, POSTER_LIMIT, proxy);
	}

	/** The scrub previews come from the finished proxy's keyframes. */
	private Optional<ScrubPreviews> makePreviews(Path proxy, VideoMetadata made, double durationSeconds, Path sheet)
			throws InterruptedException {
		if (made.width() == null || made.height() == null || !(durationSeconds > 0)) {
			log.warn("No previews for {}: ffprobe gave no frame size or duration", proxy);
			return Optional.empty();
		}
		ScrubPreviews previews = ScrubPreviews.plan(durationSeconds, made.width(), made.height());
		return makeFromProxy("previews", previews.command(settings.ffmpegPath(), proxy, sheet), sheet, PREVIEWS_LIMIT, proxy)
				? Optional.of(previews) : Optional.empty();
	}

	/**
	 * Runs an ffmpeg that makes a file from the proxy. Its words go to a file, so that the time limit
	 * holds even when it writes nothing and hangs. A video without the poster or the previews still
	 * plays, so a failure here is logged, not fatal.
	 * @return whether {@code made} was made
	 */
	private boolean makeFromProxy(String what, List<String> command, Path made, Duration limit, Path proxy)
			throws InterruptedException {
		try {
			Path output = made.resolveSibling(made.getFileName() + ".log");
			Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
			if (!process.waitFor(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
				process.destroyForcibly().waitFor();
				log.warn("No {} for {}: ffmpeg took longer than {}", what, proxy, describe(limit));
				return false;
			}
			if (process.exitValue() != 0 || !Files.exists(made)) {
				log.warn("No {} for {}: {}", what, proxy, Files.readString(output).trim());
				return false;
			}
			return true;
		}
		catch (IOException ex) {
			log.warn("No {} for {}: {}", what, proxy, ex.getMessage());
			return false;
		}
	}

	private String downloadHashing(String key, Path target) throws IOException {
		MessageDigest sha256;
		try {
			sha256 = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		try (InputStream original = storage.download(key)
			.orElseThrow(() -> new Unrecoverable("The original file is missing from storage.", "no object " + key));
				DigestInputStream hashing = new DigestInputStream(original, sha256)) {
			Files.copy(hashing, target);
		}
		catch (UncheckedIOException | IOException ex) {
			throw new StorageUnavailableException(ex);
		}
		return HexFormat.of().formatHex(sha256.digest());
	}

	private void retryOrGiveUp(UUID jobId, UUID videoId, int attempt, RuntimeException failure) {
		if (attempt >= settings.maxAttempts()) {
			fail(jobId, videoId, "The video store (S3) could not be reached in " + attempt + " attempts; reprocess the video later.",
					String.valueOf(failure.getCause()));
			return;
		}
		outcomes.requeue(jobId, videoId, "Attempt " + attempt + " failed (" + failure.getMessage() + "); it will be retried.");
		throw failure;
	}

	private void fail(UUID jobId, UUID videoId, String sentence, String detail) {
		if (outcomes.fail(jobId, videoId, sentence, detail)) {
			events.publishEvent(new ProcessingJobFailed(jobId, videoId, sentence, false));
		}
	}

	private static void recreate(Path folder) throws IOException {
		deleteQuietly(folder);
		Files.createDirectories(folder);
	}

	static void deleteQuietly(Path folder) {
		try {
			FileSystemUtils.deleteRecursively(folder);
		}
		catch (IOException ex) {
			log.warn("Temporary folder {} not deleted: {}", folder, ex.getMessage());
		}
	}

	private static String describe(Duration duration) {
		return duration.toMinutes() >= 60 && duration.toMinutesPart() == 0 ? duration.toHours() + " h"
				: duration.toMinutes() >= 1 ? duration.toMinutes() + " min" : duration.toSeconds() + " s";
	}

	private static String hostname() {
		try {
			return InetAddress.getLocalHost().getHostName() + "/" + ProcessHandle.current().pid();
		}
		catch (UnknownHostException ex) {
			return "unknown/" + ProcessHandle.current().pid();
		}
	}

}
