package com.spatialintel.video.media;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The ffmpeg process wrapper with real ffmpeg runs on generated input (no files needed). */
class FfmpegRunTests {

	@TempDir
	Path temp;

	private List<String> encode(int seconds) {
		return List.of("ffmpeg", "-hide_banner", "-nostdin", "-y", "-nostats", "-progress", "pipe:1", "-f", "lavfi",
				"-i", "testsrc2=s=1280x720:r=30", "-t", String.valueOf(seconds), "-c:v", "libx264", "-preset", "medium",
				temp.resolve("out.mp4").toString());
	}

	@Test
	void reportsRisingProgressAndFinishes() throws Exception {
		AtomicInteger highest = new AtomicInteger();

		// long enough that ffmpeg reports (every 0.5 s) at least once after its encoder has output frames
		FfmpegRun.Result result = new FfmpegRun().run(encode(20), 20, Duration.ofMinutes(2), progress -> {
			highest.accumulateAndGet(progress, Math::max);
			return true;
		});

		assertThat(result.exitCode()).isZero();
		assertThat(result.stop()).isEqualTo(FfmpegRun.Stop.NONE);
		assertThat(highest.get()).isBetween(1, 99);
	}

	@Test
	void isKilledAtTheTimeLimit() throws Exception {
		long started = System.nanoTime();

		FfmpegRun.Result result = new FfmpegRun().run(encode(600), 600, Duration.ofSeconds(3), progress -> true);

		assertThat(result.stop()).isEqualTo(FfmpegRun.Stop.TIME_LIMIT);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
	}

	@Test
	void stopsWhenTheReportSaysSo() throws Exception {
		FfmpegRun.Result result = new FfmpegRun().run(encode(600), 600, Duration.ofMinutes(2), progress -> false);

		assertThat(result.stop()).isEqualTo(FfmpegRun.Stop.CANCELLED);
	}

	@Test
	void keepsTheLastLinesOfStderrForTheErrorMessage() throws Exception {
		FfmpegRun.Result result = new FfmpegRun().run(
				List.of("ffmpeg", "-hide_banner", "-nostdin", "-i", temp.resolve("missing.mp4").toString(), "-f", "null", "-"),
				0, Duration.ofMinutes(1), progress -> true);

		assertThat(result.exitCode()).isNotZero();
		assertThat(result.stderrTail()).contains("No such file or directory");
	}

}
