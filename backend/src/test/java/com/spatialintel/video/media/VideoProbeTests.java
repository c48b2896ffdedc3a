package com.spatialintel.video.media;

import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import com.spatialintel.video.testing.TestVideos;
import com.spatialintel.video.video.VideoMetadata;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ffprobe itself, on files ffmpeg made; the upload tests cover reading through presigned URLs. */
class VideoProbeTests {

	private final VideoProbe probe = new VideoProbe(settings("ffprobe"), JsonMapper.builder().build());

	@Test
	void readsSizeRateCodecAndDuration() {
		VideoMetadata metadata = probe.probe(url(TestVideos.small("landscape", 320, 240, true)));

		assertThat(metadata).isEqualTo(new VideoMetadata(320, 240, 30.0, "h264", metadata.durationSeconds(), null));
		assertThat(metadata.durationSeconds()).isBetween(1.9, 2.2);
	}

	@Test
	void readsPortraitAndSilentVideos() {
		VideoMetadata metadata = probe.probe(url(TestVideos.small("portrait", 240, 320, false)));

		assertThat(metadata.width()).isEqualTo(240);
		assertThat(metadata.height()).isEqualTo(320);
	}

	@Test
	void randomBytesAreNotAVideo() {
		assertThatThrownBy(() -> probe.probe(url(TestVideos.randomBytes("probe", 10_000))))
			.isInstanceOf(UnreadableVideoException.class)
			.hasMessageMatching("The file is not a video that can be read \\(.*\\)\\.|The file has no video stream\\.");
	}

	@Test
	void aFileWithoutAVideoStreamIsRefused() {
		String onlyAudio = "{\"streams\":[{\"codec_type\":\"audio\",\"codec_name\":\"aac\"}],\"format\":{\"duration\":\"3.0\"}}";

		assertThatThrownBy(() -> probe.parse(onlyAudio.getBytes())).isInstanceOf(UnreadableVideoException.class)
			.hasMessage("The file has no video stream.");
	}

	@Test
	void aMissingFfprobeIsUnavailableNotTheFilesFault() {
		VideoProbe missing = new VideoProbe(settings("/nonexistent/ffprobe"), JsonMapper.builder().build());

		assertThatThrownBy(() -> missing.probe(url(TestVideos.small("landscape", 320, 240, true))))
			.isInstanceOf(ProbeUnavailableException.class)
			.hasMessageContaining("ffprobe cannot be started");
	}

	@Test
	void anUnreachableUrlIsUnavailableAndTheUrlIsNotRepeated() throws MalformedURLException {
		assertThatThrownBy(() -> probe.probe(new URL("http://127.0.0.1:9/bucket/x.mp4?X-Amz-Signature=secret")))
			.isInstanceOf(ProbeUnavailableException.class)
			.hasMessageNotContaining("secret");
	}

	@Test
	void readsTheFilesOwnCreationTime() {
		VideoMetadata metadata = probe.probe(url(TestVideos.custom("created", "-f", "lavfi", "-i",
				"testsrc=size=160x120:rate=10:duration=1", "-metadata", "creation_time=2026-03-29T01:30:05.000000Z",
				"-c:v", "libx264", "-pix_fmt", "yuv420p")));

		assertThat(metadata.creationTime()).isEqualTo(Instant.parse("2026-03-29T01:30:05Z"));
	}

	@Test
	void creationTimesAsCamerasWriteThem() {
		assertThat(VideoProbe.creationTime("2026-10-25T00:59:59.000000Z")).isEqualTo(Instant.parse("2026-10-25T00:59:59Z"));
		assertThat(VideoProbe.creationTime("2026-10-25 02:30:00")).isEqualTo(Instant.parse("2026-10-25T02:30:00Z"));
		assertThat(VideoProbe.creationTime("2026-10-25T03:30:00+01:00")).isEqualTo(Instant.parse("2026-10-25T02:30:00Z"));
		assertThat(VideoProbe.creationTime("")).isNull();
		assertThat(VideoProbe.creationTime("yesterday")).isNull();
		assertThat(VideoProbe.creationTime("0000-00-00 00:00:00")).isNull();
	}

	@Test
	void frameRatesAreFractions() {
		assertThat(VideoProbe.frameRate("30000/1001")).isEqualTo(29.97);
		assertThat(VideoProbe.frameRate("25/1")).isEqualTo(25.0);
		assertThat(VideoProbe.frameRate("0/0")).isNull();
		assertThat(VideoProbe.frameRate("n/a")).isNull();
	}

	private static MediaSettings settings(String ffprobe) {
		return new MediaSettings(ffprobe, "ffmpeg", Duration.ofMinutes(1));
	}

	private static URL url(Path file) {
		try {
			return file.toUri().toURL();
		}
		catch (MalformedURLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
