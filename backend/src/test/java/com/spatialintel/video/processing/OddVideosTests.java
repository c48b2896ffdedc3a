package com.spatialintel.video.processing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import com.spatialintel.video.storage.ObjectStorage;
import com.spatialintel.video.testing.ApiResponse;
import com.spatialintel.video.testing.IntegrationTest;
import com.spatialintel.video.testing.Jobs;
import com.spatialintel.video.testing.TenantFixture;
import com.spatialintel.video.testing.TestDatabase;
import com.spatialintel.video.testing.TestVideos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Twenty kinds of odd video a real deployment meets (issue 26), made with ffmpeg and uploaded
 * through the API. Each is refused with a sentence (4xx), or processed into a proxy whose
 * properties are checked (H.264, yuv420p, 10 fps, at most 480 lines, even width, and what the kind
 * asks: upright, progressive, stereo...), or failed with a sentence; never a 500, never a job
 * folder left behind.
 */
@IntegrationTest
@TestPropertySource(properties = { "APP_ROLE=all", "WORKER_CONCURRENCY=2" })
class OddVideosTests extends TenantFixture {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Workers take every queued job of their database: this class gets one of its own. */
	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		String url = TestDatabase.createForSession("siv_odd");
		registry.add("spring.datasource.url", () -> url);
	}

	@Autowired
	ObjectStorage storage;

	@Autowired
	ProcessingSettings settings;

	@TempDir
	Path temp;

	/** What must become of a kind of file. */
	private sealed interface Outcome permits Refused, Failed, Proxied {
	}

	/** Refused by the API with this sentence (or its start). */
	private record Refused(String sentence) implements Outcome {
	}

	/** Processed, and its job failed with a sentence starting so. */
	private record Failed(String sentence) implements Outcome {
	}

	/** Processed into a proxy, which also passes this check (given ffprobe's video stream and the whole answer). */
	private record Proxied(double seconds, Consumer<Probed> check) implements Outcome {
	}

	private record Probed(JsonNode video, JsonNode audio, JsonNode all) {
	}

	@Test
	void everyOddKindIsRefusedOrProcessedOrFailedWithASentence() throws IOException {
		Path base = TestVideos.custom("odd-base", "-f", "lavfi", "-i", "testsrc2=s=640x360:r=30", "-f", "lavfi", "-i",
				"sine=frequency=330", "-t", "6", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
				"-c:a", "aac", "-shortest", "-movflags", "+faststart");
		Map<String, Kind> kinds = new LinkedHashMap<>();
		kinds.put("zero bytes", new Kind(write("empty.mp4", new byte[0]),
				new Refused("file_size_bytes")));
		kinds.put("text renamed .mp4", new Kind(write("notes.mp4", "Shift notes: nothing to report.\n".repeat(200)
			.getBytes(StandardCharsets.UTF_8)), new Refused("The file is not a video that can be read")));
		kinds.put("truncated at 10 %", new Kind(TestVideos.truncated(base, 0.10),
				new Failed("The video could not be converted completely")));
		kinds.put("truncated at 50 %", new Kind(TestVideos.truncated(base, 0.50),
				new Failed("The video could not be converted completely")));
		kinds.put("truncated at 99 %", new Kind(TestVideos.truncated(base, 0.99),
				new Proxied(6, p -> assertThat(audioChannels(p)).isEqualTo(1))));
		kinds.put("moov at the end", new Kind(TestVideos.custom("odd-moov-end", "-f", "lavfi", "-i",
				"testsrc2=s=640x360:r=30", "-t", "3", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"),
				new Proxied(3, p -> assertThat(p.video().path("width").asInt()).isEqualTo(640))));
		kinds.put("fragmented MP4", new Kind(TestVideos.custom("odd-fragmented", "-f", "lavfi", "-i",
				"testsrc2=s=640x360:r=30", "-t", "3", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
				"-movflags", "frag_keyframe+empty_moov+default_base_moof"), new Proxied(3, p -> {
				})));
		kinds.put("audio only", new Kind(TestVideos.custom("odd-audio-only", "-f", "lavfi", "-i", "sine=frequency=440",
				"-t", "3", "-c:a", "aac"), new Refused("The file has no video stream.")));
		kinds.put("a single frame", new Kind(TestVideos.custom("odd-one-frame", "-f", "lavfi", "-i",
				"testsrc2=s=640x360:r=30", "-frames:v", "1", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt",
				"yuv420p"), new Proxied(0.1, p -> assertThat(p.video().path("nb_frames").asInt()).isEqualTo(1))));
		kinds.put("broken timebase (1 tick per second)", new Kind(TestVideos.custom("odd-timebase", "-f", "lavfi", "-i",
				"testsrc2=s=640x360:r=30", "-t", "2", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
				"-video_track_timescale", "1"), new Proxied(59, p -> {
				})));
		kinds.put("variable frame rate", new Kind(TestVideos.custom("odd-vfr", "-f", "lavfi", "-i",
				"testsrc2=s=640x360:r=30", "-vf", "select='lt(mod(t\\,2)\\,1)+not(mod(n\\,6))'", "-fps_mode", "vfr", "-t",
				"4", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"), new Proxied(4, p -> {
				})));
		kinds.put("phone clip rotated 90°", new Kind(rotated(base),
				new Proxied(6, p -> assertThat(p.video().path("height").asInt()).as("upright: portrait")
					.isGreaterThan(p.video().path("width").asInt()))));
		kinds.put("interlaced", new Kind(TestVideos.custom("odd-interlaced", "-f", "lavfi", "-i",
				"testsrc2=s=720x576:r=50", "-vf", "tinterlace=interleave_top,fieldorder=tff", "-t", "3", "-c:v", "libx264",
				"-preset", "ultrafast", "-flags", "+ilme+ildct", "-x264opts", "tff=1", "-pix_fmt", "yuv420p"),
				new Proxied(3, p -> assertThat(p.video().path("field_order").asString("progressive")).isEqualTo("progressive"))));
		kinds.put("4K", new Kind(TestVideos.custom("odd-4k", "-f", "lavfi", "-i", "testsrc2=s=3840x2160:r=30", "-t", "1",
				"-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"),
				new Proxied(1, p -> assertThat(p.video().path("width").asInt()).isBetween(852, 854))));
		kinds.put("640×480 (4:3)", new Kind(TestVideos.custom("odd-4by3", "-f", "lavfi", "-i", "testsrc2=s=640x480:r=25",
				"-t", "2", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"), new Proxied(2, p -> {
					assertThat(p.video().path("width").asInt()).isEqualTo(640);
					assertThat(p.video().path("height").asInt()).isEqualTo(480);
				})));
		kinds.put("odd dimensions 1279×719", new Kind(TestVideos.custom("odd-dimensions", "-f", "lavfi", "-i",
				"testsrc2=s=1279x719:r=30", "-t", "2", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv444p"),
				new Proxied(2, p -> assertThat(p.video().path("width").asInt()).isBetween(852, 854))));
		kinds.put("HEVC 10-bit", new Kind(TestVideos.custom("odd-hevc10", "-f", "lavfi", "-i", "testsrc2=s=1280x720:r=30",
				"-t", "2", "-c:v", "libx265", "-preset", "ultrafast", "-pix_fmt", "yuv420p10le", "-tag:v", "hvc1",
				"-x265-params", "log-level=error"), new Proxied(2, p -> {
				})));
		kinds.put("MJPEG in MP4", new Kind(TestVideos.custom("odd-mjpeg", "-f", "lavfi", "-i", "testsrc2=s=640x360:r=15",
				"-t", "2", "-c:v", "mjpeg", "-pix_fmt", "yuvj420p", "-q:v", "5"), new Proxied(2, p -> {
				})));
		kinds.put("declared duration far longer than the real one", new Kind(longerDeclared(base),
				new Failed("The video could not be converted completely: only 6.0 of its 3600.0 seconds could be read")));
		kinds.put("8 audio channels", new Kind(TestVideos.custom("odd-8-channels", "-f", "lavfi", "-i",
				"testsrc2=s=640x360:r=30", "-f", "lavfi", "-i", "anullsrc=channel_layout=7.1:sample_rate=48000", "-t", "2",
				"-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest"),
				new Proxied(2, p -> assertThat(audioChannels(p)).as("downmixed for the browser").isEqualTo(2))));
		assertThat(kinds).hasSize(20);

		// all uploaded first, then awaited: two workers take them in turn
		Map<String, UUID> jobs = new LinkedHashMap<>();
		List<String> problems = new ArrayList<>();
		kinds.forEach((name, kind) -> {
			ApiResponse answer = upload(kind.file());
			if (kind.outcome() instanceof Refused refused) {
				if (answer.status() < 400 || answer.status() >= 500 || !answer.body().path("detail").asString().contains(refused.sentence())) {
					problems.add(name + ": expected a 4xx saying \"" + refused.sentence() + "\", got " + answer);
				}
			}
			else if (answer.status() != 200) {
				problems.add(name + ": the upload was refused: " + answer);
			}
			else {
				jobs.put(name, UUID.fromString(answer.text("job_id")));
			}
		});
		jobs.forEach((name, jobId) -> {
			JsonNode job = Jobs.await(api, admin, jobId, Jobs::isFinal);
			String problem = check(kinds.get(name).outcome(), job);
			if (problem != null) {
				problems.add(name + ": " + problem);
			}
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(settings.workDirectory().resolve(jobId.toString()))
				.as("%s: the job's folder", name).doesNotExist());
		});
		assertThat(problems).as("kinds that did not come out as they should").isEmpty();
	}

	private record Kind(Path file, Outcome outcome) {
	}

	private ApiResponse upload(Path file) {
		long size = TestVideos.size(file);
		ApiResponse initiated = uploads.initiate(file.getFileName().toString(), size, TestVideos.sha256(file));
		if (initiated.status() != 201) {
			return initiated;
		}
		return uploads.complete(UUID.fromString(initiated.text("video_id")), uploads.putParts(initiated.body(), file));
	}

	/** null when the job came out as expected; else what went wrong. */
	private String check(Outcome outcome, JsonNode job) {
		String status = job.path("status").asString();
		JsonNode video = api.get("/api/videos/" + job.path("video_id").asString(), admin).body();
		if (outcome instanceof Failed failed) {
			String said = video.path("processing_error").asString();
			return "failed".equals(status) && said.startsWith(failed.sentence()) && !said.contains("\n") ? null
					: "expected to fail saying \"" + failed.sentence() + "\", got " + status + ": " + said;
		}
		Proxied proxied = (Proxied) outcome;
		if (!"completed".equals(status)) {
			return "expected a proxy, got " + status + ": " + video.path("processing_error").asString();
		}
		Probed probed = probe(download(job.path("result_data").path("proxy_path").asString()));
		try {
			JsonNode stream = probed.video();
			assertThat(stream.path("codec_name").asString()).isEqualTo("h264");
			assertThat(stream.path("pix_fmt").asString()).isEqualTo("yuv420p");
			assertThat(stream.path("avg_frame_rate").asString()).isEqualTo("10/1");
			assertThat(stream.path("height").asInt()).isLessThanOrEqualTo(480);
			assertThat(stream.path("width").asInt() % 2).isZero();
			assertThat(probed.all().path("format").path("duration").asDouble()).isCloseTo(proxied.seconds(),
					within(Math.max(0.3, proxied.seconds() * 0.05)));
			proxied.check().accept(probed);
			return null;
		}
		catch (AssertionError ex) {
			return "the proxy is wrong: " + ex.getMessage().strip() + " (" + probed.video() + ")";
		}
	}

	private static int audioChannels(Probed probed) {
		return probed.audio() == null ? 0 : probed.audio().path("channels").asInt();
	}

	private Path write(String name, byte[] bytes) throws IOException {
		return Files.write(temp.resolve(name), bytes);
	}

	/** The base clip with a display matrix of 90°, as phones record portrait. */
	private Path rotated(Path base) throws IOException {
		Path target = temp.resolve("phone-portrait.mp4");
		run("ffmpeg", "-v", "error", "-y", "-i", base.toString(), "-c", "copy", "-metadata:s:v:0", "rotate=90",
				target.toString());
		return target;
	}

	/** The base clip whose movie header says one hour (a recorder that wrote it ahead and stopped). */
	private Path longerDeclared(Path base) throws IOException {
		byte[] bytes = Files.readAllBytes(base);
		int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("mvhd") + 4;
		assertThat(bytes[at]).as("a version 0 movie header").isZero();
		ByteBuffer header = ByteBuffer.wrap(bytes);
		int timescale = header.getInt(at + 12);
		header.putInt(at + 16, timescale * 3600);
		return write("declared-an-hour.mp4", bytes);
	}

	private Path download(String key) {
		Path file = temp.resolve(UUID.randomUUID() + ".mp4");
		try (var in = storage.download(key).orElseThrow()) {
			Files.copy(in, file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return file;
	}

	private static Probed probe(Path file) {
		try {
			Process ffprobe = new ProcessBuilder("ffprobe", "-v", "error", "-print_format", "json", "-show_streams",
					"-show_format", "-count_frames", file.toString()).redirectErrorStream(true).start();
			JsonNode all = JSON.readTree(ffprobe.getInputStream().readAllBytes());
			ffprobe.waitFor();
			JsonNode video = null;
			JsonNode audio = null;
			for (JsonNode stream : all.path("streams")) {
				if (video == null && "video".equals(stream.path("codec_type").asString())) {
					video = stream;
				}
				if (audio == null && "audio".equals(stream.path("codec_type").asString())) {
					audio = stream;
				}
			}
			return new Probed(video, audio, all);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void run(String... command) throws IOException {
		try {
			Process process = new ProcessBuilder(command).inheritIO().start();
			if (process.waitFor() != 0) {
				throw new IllegalStateException(String.join(" ", command) + " failed");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
