package com.spatialintel.video.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;

import com.spatialintel.video.media.FfmpegRun;
import com.spatialintel.video.media.MediaSettings;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Cuts a media range out of an original with ffmpeg: by stream copy from the keyframe at or before
 * In (every packet byte for byte as recorded), or re-encoded from exactly In. The video and audio
 * streams are kept; nothing is concatenated.
 */
@Component
class ClipCutter {

	/** A keyframe this close after In counts as at In (timestamps are printed to the microsecond). */
	private static final double EPSILON = 1e-6;

	private final MediaSettings media;

	private final Duration timeLimit;

	private volatile String ffmpegVersion;

	ClipCutter(MediaSettings media, @Value("${app.processing.job-time-limit:1h}") Duration timeLimit) {
		this.media = media;
		this.timeLimit = timeLimit;
	}

	/** The first line of {@code ffmpeg -version}, as the manifest records it. */
	String ffmpegVersion() throws IOException, InterruptedException {
		if (ffmpegVersion == null) {
			List<String> lines = output(List.of(media.ffmpegPath(), "-hide_banner", "-version"));
			ffmpegVersion = lines.isEmpty() ? "unknown" : lines.get(0).strip();
		}
		return ffmpegVersion;
	}

	/**
	 * @param report the cut's progress (0–99); answering false stops ffmpeg
	 * @return the cut; null when it was stopped
	 * @throws ExportFailure when ffmpeg fails or the original has no video
	 */
	ClipCut cut(Path original, double start, double end, ExportMode mode, Path target, IntPredicate report)
			throws IOException, InterruptedException {
		double from = mode == ExportMode.STREAM_COPY ? keyframeAtOrBefore(original, start) : start;
		List<String> command = new ArrayList<>();
		command.add(media.ffmpegPath());
		command.addAll(arguments(from, end, mode, original.toString(), target.toString()));
		FfmpegRun.Result result = new FfmpegRun().run(command, end - from, timeLimit, report);
		if (result.stop() == FfmpegRun.Stop.CANCELLED) {
			return null;
		}
		if (result.stop() == FfmpegRun.Stop.TIME_LIMIT) {
			throw new ExportFailure("Cutting the clip took longer than the time limit (JOB_TIME_LIMIT) and was stopped.");
		}
		if (result.exitCode() != 0) {
			throw new ExportFailure("ffmpeg could not cut the clip (exit code " + result.exitCode() + "): "
					+ lastLine(result.stderrTail()));
		}
		double length = videoLength(target);
		return new ClipCut(target, from, from + length, arguments(from, end, mode, "original.mp4", target.getFileName().toString()));
	}

	/** The arguments after the executable; the manifest records them with the files' own names. */
	static List<String> arguments(double from, double end, ExportMode mode, String input, String output) {
		List<String> arguments = new ArrayList<>(List.of("-hide_banner", "-nostdin", "-y", "-progress", "pipe:1",
				"-ss", seconds(from), "-i", input, "-t", seconds(end - from), "-map", "0:v:0", "-map", "0:a?"));
		if (mode == ExportMode.STREAM_COPY) {
			arguments.addAll(List.of("-c", "copy"));
		}
		else {
			arguments.addAll(List.of("-c:v", "libx264", "-preset", "veryfast", "-crf", "18", "-pix_fmt", "yuv420p",
					"-c:a", "aac", "-b:a", "128k"));
		}
		arguments.addAll(List.of("-map_metadata", "0", "-movflags", "+faststart", output));
		return arguments;
	}

	/** The time of the last keyframe of the first video stream at or before {@code at}; 0 when none is. */
	double keyframeAtOrBefore(Path original, double at) throws IOException, InterruptedException {
		List<String> lines = output(List.of(media.ffprobePath(), "-v", "error", "-select_streams", "v:0",
				"-skip_frame", "nokey", "-show_entries", "packet=pts_time,flags", "-of", "csv=p=0", original.toString()));
		double found = 0;
		boolean any = false;
		for (String line : lines) {
			String[] cells = line.split(",");
			if (cells.length < 2 || !cells[1].startsWith("K") || cells[0].equals("N/A")) {
				continue;
			}
			double pts = Double.parseDouble(cells[0]);
			if (pts <= at + EPSILON && (!any || pts > found)) {
				found = pts;
				any = true;
			}
		}
		if (!any && lines.isEmpty()) {
			throw new ExportFailure("The original has no video stream to cut.");
		}
		return found;
	}

	/** How long the cut's video runs: from its first packet to the end of its last. */
	private double videoLength(Path file) throws IOException, InterruptedException {
		double first = Double.MAX_VALUE;
		double last = 0;
		for (String line : output(List.of(media.ffprobePath(), "-v", "error", "-select_streams", "v:0", "-show_entries",
				"packet=pts_time,duration_time", "-of", "csv=p=0", file.toString()))) {
			String[] cells = line.split(",");
			if (cells.length < 2 || cells[0].equals("N/A")) {
				continue;
			}
			double pts = Double.parseDouble(cells[0]);
			double duration = cells[1].equals("N/A") ? 0 : Double.parseDouble(cells[1]);
			first = Math.min(first, pts);
			last = Math.max(last, pts + duration);
		}
		if (first == Double.MAX_VALUE) {
			throw new ExportFailure("The cut holds no video: the range may lie past the end of the recording.");
		}
		return last - first;
	}

	private List<String> output(List<String> command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
		process.getOutputStream().close();
		List<String> lines;
		try (var reader = process.inputReader(StandardCharsets.UTF_8)) {
			lines = reader.lines().toList();
		}
		if (!process.waitFor(2, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new ExportFailure("ffprobe did not answer within 2 minutes.");
		}
		return lines;
	}

	static String seconds(double value) {
		return String.format(Locale.ROOT, "%.6f", value);
	}

	private static String lastLine(String text) {
		String[] lines = text.strip().split("\n");
		return lines[lines.length - 1];
	}

}
