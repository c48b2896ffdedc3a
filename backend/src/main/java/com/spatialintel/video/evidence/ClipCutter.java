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

	/** How far before In the keyframe is looked for first; a longer GOP makes the search read from the start. */
	private static final double KEYFRAME_SEARCH_SECONDS = 30;

	/**
	 * The time of the last keyframe of the first video stream at or before {@code at}; 0 when none is.
	 * ffprobe reads the packets of the 30 s before it only (it seeks there), and the whole file
	 * when none of them is a keyframe.
	 */
	double keyframeAtOrBefore(Path original, double at) throws IOException, InterruptedException {
		if (at > KEYFRAME_SEARCH_SECONDS) {
			Double near = lastKeyframe(original, at, seconds(at - KEYFRAME_SEARCH_SECONDS) + "%" + seconds(at + EPSILON));
			if (near != null) {
				return near;
			}
		}
		Double found = lastKeyframe(original, at, null);
		return found == null ? 0 : found;
	}

	private Double lastKeyframe(Path original, double at, String interval) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(media.ffprobePath(), "-v", "error", "-select_streams", "v:0"));
		if (interval != null) {
			command.addAll(List.of("-read_intervals", interval));
		}
		command.addAll(List.of("-show_entries", "packet=pts_time,flags", "-of", "csv=p=0", original.toString()));
		List<String> lines = output(command);
		if (interval == null && lines.isEmpty()) {
			throw new ExportFailure("The original has no video stream to cut.");
		}
		Double found = null;
		for (String line : lines) {
			String[] cells = line.split(",");
			if (cells.length < 2 || !cells[1].startsWith("K") || cells[0].equals("N/A")) {
				continue;
			}
			double pts = Double.parseDouble(cells[0]);
			if (pts <= at + EPSILON && (found == null || pts > found)) {
				found = pts;
			}
		}
		return found;
	}

	/** How long the cut's video runs, from its header (a stream copy's track duration is the sum of its packets'). */
	private double videoLength(Path file) throws IOException, InterruptedException {
		List<String> lines = output(List.of(media.ffprobePath(), "-v", "error", "-select_streams", "v:0", "-show_entries",
				"stream=duration", "-of", "csv=p=0", file.toString()));
		if (lines.isEmpty() || lines.get(0).isBlank() || lines.get(0).strip().equals("N/A")) {
			throw new ExportFailure("The cut holds no video: the range may lie past the end of the recording.");
		}
		return Double.parseDouble(lines.get(0).strip());
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
