package com.spatialintel.video.media;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;

/**
 * One ffmpeg process, the way every ffmpeg of the app runs: its {@code -progress pipe:1} output (when
 * the command asks for it) becomes a percentage reported every couple of seconds; the last lines of
 * stderr are kept for the error message, and before them the first line that said the disk is full
 * (ffmpeg says it early, then a dozen lines of encoder statistics). The process is killed when
 * the report says stop (cancelled), at the time limit, or when the thread is interrupted.
 */
public final class FfmpegRun {

	private static final int KEPT_STDERR_LINES = 12;

	/** What the operating system says when a write finds the disk full (ENOSPC). */
	public static final String NO_SPACE = "No space left on device";

	private static final long REPORT_EVERY_MILLIS = 2_000;

	private final Deque<String> stderrTail = new ArrayDeque<>();

	/** The first line that said the disk is full; null when none did. */
	private String diskFull;

	private volatile int progress;

	/** Why a run ended without producing its output. */
	public enum Stop {
		NONE, CANCELLED, TIME_LIMIT
	}

	public record Result(int exitCode, Stop stop, String stderrTail) {
	}

	/**
	 * @param report receives the progress (0–99) every couple of seconds; answering false stops the run
	 */
	public Result run(List<String> command, double durationSeconds, Duration timeLimit, IntPredicate report)
			throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).start();
		process.getOutputStream().close();
		Thread progressReader = daemon(() -> readProgress(process, durationSeconds), "ffmpeg-progress");
		Thread stderrReader = daemon(() -> readStderr(process), "ffmpeg-stderr");
		long deadline = System.nanoTime() + timeLimit.toNanos();
		try {
			while (!process.waitFor(REPORT_EVERY_MILLIS, TimeUnit.MILLISECONDS)) {
				if (!report.test(progress)) {
					process.destroyForcibly().waitFor();
					return new Result(-1, Stop.CANCELLED, tail());
				}
				if (System.nanoTime() > deadline) {
					process.destroyForcibly().waitFor();
					return new Result(-1, Stop.TIME_LIMIT, tail());
				}
			}
			progressReader.join(5_000);
			stderrReader.join(5_000);
			return new Result(process.exitValue(), Stop.NONE, tail());
		}
		finally {
			if (process.isAlive()) {
				process.destroyForcibly();
			}
		}
	}

	private static Thread daemon(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	private void readProgress(Process process, double durationSeconds) {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = lines.readLine()) != null) {
				if (line.startsWith("out_time_us=") && durationSeconds > 0) {
					try {
						double seconds = Long.parseLong(line.substring("out_time_us=".length())) / 1e6;
						progress = (int) Math.max(0, Math.min(99, seconds / durationSeconds * 100));
					}
					catch (NumberFormatException notYetKnown) {
						// ffmpeg writes N/A before the first frame
					}
				}
			}
		}
		catch (IOException ignored) {
			// the process was killed
		}
	}

	private void readStderr(Process process) {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = lines.readLine()) != null) {
				synchronized (stderrTail) {
					if (diskFull == null && line.contains(NO_SPACE)) {
						diskFull = line;
					}
					stderrTail.addLast(line);
					if (stderrTail.size() > KEPT_STDERR_LINES) {
						stderrTail.removeFirst();
					}
				}
			}
		}
		catch (IOException ignored) {
			// the process was killed
		}
	}

	private String tail() {
		synchronized (stderrTail) {
			String tail = String.join("\n", stderrTail);
			return diskFull == null || stderrTail.contains(diskFull) ? tail : diskFull + "\n…\n" + tail;
		}
	}

}
