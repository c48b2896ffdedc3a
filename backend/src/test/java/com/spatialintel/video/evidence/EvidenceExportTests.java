package com.spatialintel.video.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import com.spatialintel.video.testing.ApiResponse;
import com.spatialintel.video.testing.IntegrationTest;
import com.spatialintel.video.testing.TenantFixture;
import com.spatialintel.video.testing.TestDatabase;
import com.spatialintel.video.testing.TestVideos;
import com.spatialintel.video.testing.Uploads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Evidence exports with a real worker, ffmpeg, S3Proxy, sha256sum and openssl: a stream copy whose
 * packets are the source's byte for byte, a frame-exact cut, a window over clips of two pins, the
 * package checked by the tools VERIFY.txt names and by the server, tampering found and named,
 * access, holds and bad input.
 */
@IntegrationTest
@TestPropertySource(properties = "APP_ROLE=all")
class EvidenceExportTests extends TenantFixture {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** 20 s, 25 fps, a keyframe every 2 s exactly, B-frames, with sound. */
	private static Path twentySeconds() {
		return TestVideos.custom("evidence-20s", "-f", "lavfi", "-i", "testsrc2=s=320x180:r=25", "-f", "lavfi", "-i",
				"sine=frequency=440:sample_rate=48000", "-t", "20", "-c:v", "libx264", "-preset", "veryfast", "-g", "50",
				"-keyint_min", "50", "-sc_threshold", "0", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest");
	}

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		String url = TestDatabase.createForSession("siv_evidence");
		registry.add("spring.datasource.url", () -> url);
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ExportRetention exportRetention;

	@TempDir
	Path temp;

	@Test
	void aStreamCopyStartsAtTheKeyframeBeforeInCopiesEveryPacketAsRecordedAndIsSignedAndCheckable() throws Exception {
		Path source = twentySeconds();
		UUID videoId = upload(source, "2026-11-20T09:00:00Z");

		JsonNode export = awaitCompleted(requestExport(admin, videoExport(videoId, 7, 13)));
		Path folder = unzip(download(export), "stream-copy");

		JsonNode manifest = JSON.readTree(Files.readAllBytes(folder.resolve("manifest.json")));
		assertThat(manifest.path("mode").asString()).isEqualTo("stream_copy");
		assertThat(manifest.path("derivative").asBoolean()).isFalse();
		assertThat(manifest.path("disclosure").path("reference").asString()).isEqualTo("INC-2026-0042");
		JsonNode clip = manifest.path("clips").get(0);
		assertThat(clip.path("requested").path("media_start_seconds").asDouble()).isEqualTo(7.0);
		assertThat(clip.path("requested").path("media_end_seconds").asDouble()).isEqualTo(13.0);
		assertThat(clip.path("actual").path("media_start_seconds").asDouble()).as("the keyframe at or before 7 s").isEqualTo(6.0);
		assertThat(clip.path("actual").path("media_end_seconds").asDouble()).isGreaterThanOrEqualTo(13.0);
		assertThat(clip.path("requested").path("wall_clock_start").asString()).isEqualTo("2026-11-20T09:00:07Z");
		assertThat(clip.path("actual").path("wall_clock_start").asString()).isEqualTo("2026-11-20T09:00:06Z");
		assertThat(clip.path("source").path("sha256").asString()).isEqualTo(TestVideos.sha256(source));
		assertThat(clip.path("ffmpeg").path("arguments").toString()).contains("\"-c\",\"copy\"");
		assertThat(manifest.path("ffmpeg_version").asString()).startsWith("ffmpeg version");

		Path cut = folder.resolve(clip.path("file").asString());
		Map<Long, String> sourcePackets = videoPackets(source);
		Map<Long, String> cutPackets = videoPackets(cut);
		long sourceKeyframe = 6 * 12800L;
		long cutFirst = cutPackets.keySet().stream().min(Long::compare).orElseThrow();
		assertThat(cutPackets.get(cutFirst)).as("the first packet is the source's keyframe at 6 s").isEqualTo(sourcePackets.get(sourceKeyframe));
		long shift = sourceKeyframe - cutFirst;
		cutPackets.forEach((pts, md5) -> assertThat(sourcePackets.get(pts + shift))
			.as("export packet at %d equals the source's at %d", pts, pts + shift).isEqualTo(md5));
		sourcePackets.forEach((pts, md5) -> {
			if (pts >= 7 * 12800L && pts < 13 * 12800L) {
				assertThat(cutPackets).as("the source's packet at %d s is exported", pts / 12800.0).containsEntry(pts - shift, md5);
			}
		});

		String sums = run(folder, "sha256sum", clip.path("file").asString(), "SHA256SUMS");
		assertThat(sums).contains(clip.path("sha256").asString() + "  " + clip.path("file").asString());
		assertThat(sums).contains(manifest.path("checksums").path("sha256").asString() + "  SHA256SUMS");
		assertThat(run(folder, "sha256sum", "-c", "SHA256SUMS")).contains(clip.path("file").asString() + ": OK");
		assertThat(run(folder, "openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "evidence-public-key.pem", "-rawin", "-in",
				"manifest.json", "-sigfile", "manifest.sig")).contains("Signature Verified Successfully");
		String fingerprint = run(folder, "sh", "-c", "openssl pkey -pubin -in evidence-public-key.pem -outform DER | sha256sum");
		assertThat(Files.readString(folder.resolve("VERIFY.txt"))).contains(fingerprint.substring(0, 64));
		HttpResponse<String> published = HTTP.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/evidence/public-key")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(published.statusCode()).as("published to all, no token").isEqualTo(200);
		assertThat(Files.readString(folder.resolve("evidence-public-key.pem"))).isEqualTo(published.body());

		Path zip = temp.resolve("stream-copy.zip");
		JsonNode valid = verify(zip);
		assertThat(valid.path("valid").asBoolean()).as(valid.toString()).isTrue();
		assertThat(valid.toString()).contains("\"kind\":\"source\"", "\"kind\":\"signature\"");

		Path changedClip = tampered(zip, clip.path("file").asString());
		JsonNode clipReport = verify(changedClip);
		assertThat(clipReport.path("valid").asBoolean()).isFalse();
		assertThat(failed(clipReport)).containsExactly(clip.path("file").asString());
		Path changedManifest = tampered(zip, "manifest.json");
		assertThat(failed(verify(changedManifest))).contains("manifest.json");

		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		assertThat(VerifyCommand.run(new String[] { "verify", zip.toString() }, new PrintStream(printed, true, StandardCharsets.UTF_8)))
			.as(printed.toString(StandardCharsets.UTF_8)).isZero();
		printed.reset();
		assertThat(VerifyCommand.run(new String[] { "verify", changedClip.toString() }, new PrintStream(printed, true, StandardCharsets.UTF_8)))
			.isEqualTo(1);
		assertThat(printed.toString(StandardCharsets.UTF_8)).contains("FAIL  file " + clip.path("file").asString());

		assertThat(auditActions(export.path("id").asString())).contains("export.request", "export.finish", "export.download");
		assertThat(jdbc.sql("SELECT client_address FROM audit_log WHERE action = 'export.download' AND detail LIKE ?")
			.param("%" + export.path("id").asString() + "%").query(String.class).list()).containsOnly("127.0.0.1");
	}

	@Test
	void aFrameExactExportStartsAtInAndIsLabelledADerivative() throws Exception {
		Path source = twentySeconds();
		UUID videoId = upload(source, "2026-11-20T10:00:00Z");
		Map<String, Object> body = videoExport(videoId, 7, 13);
		body.put("mode", "frame_exact");

		JsonNode export = awaitCompleted(requestExport(admin, body));
		assertThat(export.path("derivative").asBoolean()).isTrue();
		Path folder = unzip(download(export), "frame-exact");
		JsonNode manifest = JSON.readTree(Files.readAllBytes(folder.resolve("manifest.json")));
		assertThat(manifest.path("derivative").asBoolean()).isTrue();
		JsonNode clip = manifest.path("clips").get(0);
		assertThat(clip.path("derivative").asBoolean()).isTrue();
		assertThat(clip.path("actual").path("media_start_seconds").asDouble()).isCloseTo(7.0, within(0.04));

		// the export's first frame is the source's frame at 7 s (frame 175), give or take one
		Path cut = folder.resolve(clip.path("file").asString());
		byte[] first = grey(cut, 1);
		byte[] frames = grey(source, 500);
		int size = first.length;
		int best = -1;
		long bestDifference = Long.MAX_VALUE;
		for (int frame = 0; frame * size < frames.length; frame++) {
			long difference = 0;
			for (int i = 0; i < size; i++) {
				difference += Math.abs((first[i] & 0xff) - (frames[frame * size + i] & 0xff));
			}
			if (difference < bestDifference) {
				bestDifference = difference;
				best = frame;
			}
		}
		assertThat(best).isBetween(174, 176);
		assertThat(duration(cut)).isCloseTo(6.0, within(0.05));
	}

	@Test
	void aWindowOverClipsOfTwoPinsGivesOneFilePerClipWithItsOwnRange() throws Exception {
		UUID otherPin = api.createPin(admin, mallId);
		Path ten = TestVideos.custom("evidence-10s", "-f", "lavfi", "-i", "testsrc2=s=320x180:r=25", "-t", "10", "-c:v",
				"libx264", "-preset", "ultrafast", "-g", "25", "-pix_fmt", "yuv420p");
		Path twenty = twentySeconds();
		UUID a1 = upload(ten, "2026-11-21T10:00:00Z");
		UUID a2 = upload(TestVideos.custom("evidence-10s-b", "-f", "lavfi", "-i", "testsrc2=s=320x180:r=25", "-t", "10.04",
				"-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-pix_fmt", "yuv420p"), "2026-11-21T10:00:10Z");
		UUID a3 = upload(TestVideos.custom("evidence-10s-c", "-f", "lavfi", "-i", "testsrc2=s=320x180:r=25", "-t", "10.08",
				"-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-pix_fmt", "yuv420p"), "2026-11-21T10:00:20Z");
		UUID b1 = UUID.fromString(new Uploads(api, admin, mallId, otherPin).uploadWhole(twenty, "2026-11-21T10:00:05Z")
			.text("video_id"));

		Map<String, Object> body = disclosure();
		body.put("pin_ids", List.of(pinId, otherPin));
		body.put("from", "2026-11-21T10:00:05Z");
		body.put("to", "2026-11-21T10:00:25Z");
		JsonNode export = awaitCompleted(requestExport(admin, body));

		Path folder = unzip(download(export), "window");
		JsonNode clips = JSON.readTree(Files.readAllBytes(folder.resolve("manifest.json"))).path("clips");
		assertThat(clips).hasSize(4);
		Map<String, double[]> expected = Map.of(a1.toString(), new double[] { 5, 10 }, a2.toString(), new double[] { 0, 10 },
				a3.toString(), new double[] { 0, 5 }, b1.toString(), new double[] { 0, 20 });
		for (JsonNode clip : clips) {
			double[] range = expected.get(clip.path("source").path("video_id").asString());
			assertThat(range).as(clip.toString()).isNotNull();
			assertThat(clip.path("requested").path("media_start_seconds").asDouble()).isCloseTo(range[0], within(0.001));
			assertThat(clip.path("requested").path("media_end_seconds").asDouble()).isCloseTo(range[1], within(0.05));
			assertThat(clip.path("actual").path("media_start_seconds").asDouble())
				.isLessThanOrEqualTo(clip.path("requested").path("media_start_seconds").asDouble());
			assertThat(folder.resolve(clip.path("file").asString())).exists();
		}
		assertThat(run(folder, "sha256sum", "-c", "SHA256SUMS").lines().filter(line -> line.endsWith(": OK"))).hasSize(4);
	}

	@Test
	void viewersMayNotExportOtherMallsAreNotFoundAndLinksCannotBeForgedOrReused() throws Exception {
		UUID videoId = upload(twentySeconds(), "2026-11-22T10:00:00Z");
		String viewer = api.tokenFor(admin, "VIEWER", mallId);
		ApiResponse refused = requestExport(viewer, videoExport(videoId, 1, 2));
		assertThat(refused.status()).isEqualTo(403);

		UUID otherMall = api.createMall(admin);
		ApiResponse elsewhere = requestExportIn(otherMall, admin, videoExport(videoId, 1, 2));
		assertThat(elsewhere.status()).isEqualTo(404);
		String stranger = api.tokenFor(admin, "OPERATOR", otherMall);

		JsonNode export = awaitCompleted(requestExport(api.tokenFor(admin, "OPERATOR", mallId), videoExport(videoId, 1, 3)));
		String exportId = export.path("id").asString();
		assertThat(api.get("/api/exports/" + exportId, stranger).status()).isEqualTo(404);
		assertThat(api.get("/api/exports/" + exportId + "/download-url", stranger).status()).isEqualTo(404);
		assertThat(api.get("/api/exports/" + exportId, viewer).status()).as("viewers may see exports").isEqualTo(200);

		String url = api.get("/api/exports/" + exportId + "/download-url", admin).text("url");
		String tamperedSignature = url.substring(0, url.length() - 2) + (url.endsWith("A") ? "BB" : "AA");
		assertThat(fetch(tamperedSignature).statusCode()).isEqualTo(403);
		String expired = url.replaceFirst("expires=\\d+", "expires=1000000000");
		HttpResponse<byte[]> expiredAnswer = fetch(expired);
		assertThat(expiredAnswer.statusCode()).isEqualTo(403);
		assertThat(new String(expiredAnswer.body(), StandardCharsets.UTF_8)).contains("not valid");
		assertThat(fetch(url.replace("signature=", "x=")).statusCode()).isEqualTo(403);

		// the source is held while the export exists; only an admin deletes the export, and that is audited
		ApiResponse deleteSource = api.delete("/api/videos/" + videoId, admin);
		assertThat(deleteSource.status()).isEqualTo(409);
		assertThat(deleteSource.detail()).contains("evidence export " + exportId);
		assertThat(api.delete("/api/exports/" + exportId, api.tokenFor(admin, "OPERATOR", mallId)).status()).isEqualTo(403);
		ApiResponse deleted = api.delete("/api/exports/" + exportId, admin);
		assertThat(deleted.status()).isEqualTo(200);
		assertThat(deleted.text("status")).isEqualTo("deleted");
		assertThat(fetch(url).statusCode()).isEqualTo(404);
		assertThat(auditActions(exportId)).contains("export.request", "export.delete");
		assertThat(api.delete("/api/videos/" + videoId, admin).status()).isIn(202, 204);
	}

	@Test
	void anExportKeepsItsSourcesAndGoesWithTheirRetentionUnlessAHoldKeepsOne() {
		UUID videoId = upload(twentySeconds(), "2020-01-10T10:00:00Z");
		assertThat(api.put("/api/admin/retention/malls/" + mallId, admin, Map.of("retention_days", 30)).status()).isEqualTo(200);
		JsonNode export = awaitCompleted(requestExport(admin, videoExport(videoId, 1, 2)));
		String exportId = export.path("id").asString();
		assertThat(export.path("keep_until").asString()).isEqualTo("2020-02-09T10:00:00Z");

		JsonNode preview = api.get("/api/admin/retention/preview?mall_id=" + mallId, admin).body();
		assertThat(preview.path("count").asLong()).as("retention leaves the export's source").isZero();
		assertThat(preview.path("held").get(0).path("reason").asString()).contains("evidence export " + exportId);

		String holdId = api.post("/api/admin/holds", admin, Map.of("video_id", videoId, "reason", "Claim 77", "review_on", "2099-01-01"))
			.text("id");
		assertThat(exportRetention.run()).hasValue(0);
		assertThat(api.get("/api/exports/" + exportId, admin).text("status")).as("a hold on its source keeps it").isEqualTo("completed");

		api.delete("/api/admin/holds/" + holdId, admin);
		assertThat(exportRetention.run()).hasValue(1);
		JsonNode gone = api.get("/api/exports/" + exportId, admin).body();
		assertThat(gone.path("status").asString()).isEqualTo("deleted");
		assertThat(gone.path("deleted_by").asString()).isEqualTo("retention");
		assertThat(auditActions(exportId)).contains("export.delete");
		assertThat(api.get("/api/admin/retention/preview?mall_id=" + mallId, admin).body().path("count").asLong())
			.as("its source is retention's again").isEqualTo(1);
	}

	@Test
	void badRangesWindowsAndFormsAreRefusedWithASentence() {
		UUID videoId = upload(twentySeconds(), "2026-11-23T10:00:00Z");
		assertThat(requestExport(admin, videoExport(videoId, 9, 8)).detail()).isEqualTo("Out (8 s) must be after In (9 s).");
		ApiResponse outside = requestExport(admin, videoExport(videoId, 15, 40));
		assertThat(outside.status()).isEqualTo(400);
		assertThat(outside.detail()).contains("lies outside the video").contains("20");

		Map<String, Object> window = disclosure();
		window.put("pin_ids", List.of(pinId));
		window.put("from", "2026-11-23T00:00:00Z");
		window.put("to", "2026-11-24T00:00:01Z");
		ApiResponse tooLong = requestExport(admin, window);
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.detail()).contains("at most 24 hours");

		Map<String, Object> noRecipient = videoExport(videoId, 1, 2);
		noRecipient.remove("recipient_name");
		ApiResponse missing = requestExport(admin, noRecipient);
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.body().toString()).contains("recipient_name");

		Map<String, Object> badMode = videoExport(videoId, 1, 2);
		badMode.put("mode", "lossy");
		assertThat(requestExport(admin, badMode).detail()).isEqualTo("mode must be stream_copy or frame_exact, not 'lossy'.");
		Map<String, Object> empty = disclosure();
		empty.put("pin_ids", List.of(pinId));
		empty.put("from", "2020-01-01T00:00:00Z");
		empty.put("to", "2020-01-01T01:00:00Z");
		assertThat(requestExport(admin, empty).detail()).startsWith("There is no footage of this pin between");
		assertThat(api.get("/api/exports/not-an-id", admin).status()).isEqualTo(400);
		assertThat(api.get("/api/exports/" + UUID.randomUUID(), admin).status()).isEqualTo(404);
	}

	private UUID upload(Path file, String recordedAt) {
		ApiResponse completed = uploads.uploadWhole(file, recordedAt);
		assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
		return UUID.fromString(completed.text("video_id"));
	}

	private Map<String, Object> disclosure() {
		Map<String, Object> body = new HashMap<>();
		body.put("recipient_name", "DS Jane Marple");
		body.put("recipient_organisation", "Metropolitan Police");
		body.put("purpose", "Investigation of a theft at the north entrance");
		body.put("reference", "INC-2026-0042");
		return body;
	}

	private Map<String, Object> videoExport(UUID videoId, double in, double out) {
		Map<String, Object> body = disclosure();
		body.put("video_id", videoId);
		body.put("in_seconds", in);
		body.put("out_seconds", out);
		return body;
	}

	private ApiResponse requestExport(String token, Map<String, Object> body) {
		return requestExportIn(mallId, token, body);
	}

	private ApiResponse requestExportIn(UUID mall, String token, Map<String, Object> body) {
		return api.post("/api/malls/" + mall + "/exports", token, body);
	}

	private JsonNode awaitCompleted(ApiResponse requested) {
		assertThat(requested.status()).as(requested.toString()).isEqualTo(202);
		String id = requested.text("id");
		JsonNode[] last = new JsonNode[1];
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
			last[0] = api.get("/api/exports/" + id, admin).body();
			return !List.of("queued", "running").contains(last[0].path("status").asString());
		});
		assertThat(last[0].path("status").asString()).as(last[0].toString()).isEqualTo("completed");
		return last[0];
	}

	private Path download(JsonNode export) throws Exception {
		String url = api.get("/api/exports/" + export.path("id").asString() + "/download-url", admin).text("url");
		HttpResponse<byte[]> answer = fetch(url);
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.headers().firstValue("Content-Disposition").orElseThrow()).contains(export.path("package_name").asString());
		Path zip = temp.resolve(export.path("id").asString() + ".zip");
		Files.write(zip, answer.body());
		return zip;
	}

	private HttpResponse<byte[]> fetch(String url) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + url)).build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private Path unzip(Path zip, String name) throws IOException {
		Path folder = Files.createDirectories(temp.resolve(name));
		try (ZipFile file = new ZipFile(zip.toFile())) {
			for (ZipEntry entry : java.util.Collections.list(file.entries())) {
				Files.copy(file.getInputStream(entry), folder.resolve(entry.getName()));
			}
		}
		Files.copy(zip, temp.resolve(name + ".zip"));
		return folder;
	}

	/** The package with one byte of {@code file} changed, where it lies in the ZIP (every file is stored). */
	private Path tampered(Path zip, String file) throws IOException {
		Path copy = temp.resolve("tampered-" + file + ".zip");
		Files.copy(zip, copy);
		long offset;
		try (ZipFile archive = new ZipFile(zip.toFile())) {
			ZipEntry entry = archive.getEntry(file);
			byte[] whole = Files.readAllBytes(zip);
			byte[] head;
			try (var in = archive.getInputStream(entry)) {
				head = in.readNBytes(64);
			}
			offset = indexOf(whole, head) + head.length / 2;
		}
		try (RandomAccessFile bytes = new RandomAccessFile(copy.toFile(), "rw")) {
			bytes.seek(offset);
			int value = bytes.read();
			bytes.seek(offset);
			bytes.write(value ^ 0x01);
		}
		return copy;
	}

	private static long indexOf(byte[] whole, byte[] part) {
		outer: for (int i = 0; i <= whole.length - part.length; i++) {
			for (int j = 0; j < part.length; j++) {
				if (whole[i + j] != part[j]) {
					continue outer;
				}
			}
			return i;
		}
		throw new IllegalStateException("not found");
	}

	private JsonNode verify(Path zip) throws Exception {
		HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/evidence/verify"))
			.header("Authorization", "Bearer " + api.tokenFor(admin, "VIEWER", mallId))
			.header("Content-Type", "application/zip")
			.POST(HttpRequest.BodyPublishers.ofFile(zip))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		return JSON.readTree(answer.body());
	}

	private static List<String> failed(JsonNode report) {
		List<String> names = new ArrayList<>();
		report.path("checks").forEach(check -> {
			if (!check.path("passed").asBoolean()) {
				names.add(check.path("name").asString());
			}
		});
		return names;
	}

	private List<String> auditActions(String exportId) {
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("SELECT count(*) FROM audit_inbox").query(Long.class).single() == 0);
		return jdbc.sql("SELECT action FROM audit_log WHERE detail LIKE ? ORDER BY seq").param("%" + exportId + "%").query(String.class).list();
	}

	/** pts → MD5 of each video packet's data, by {@code ffmpeg -f framemd5 -c copy}. */
	private static Map<Long, String> videoPackets(Path file) throws Exception {
		Map<Long, String> packets = new LinkedHashMap<>();
		for (String line : run(file.getParent(), "ffmpeg", "-v", "error", "-i", file.toString(), "-map", "0:v", "-c", "copy",
				"-f", "framemd5", "-").lines().toList()) {
			if (line.startsWith("#")) {
				assertThat(!line.startsWith("#tb") || line.contains("1/12800")).as(line).isTrue();
				continue;
			}
			String[] cells = line.split(",");
			packets.put(Long.parseLong(cells[2].strip()), cells[5].strip());
		}
		return packets;
	}

	private static byte[] grey(Path file, int frames) throws Exception {
		Process process = new ProcessBuilder("ffmpeg", "-v", "error", "-i", file.toString(), "-frames:v", String.valueOf(frames),
				"-vf", "scale=64:36,format=gray", "-f", "rawvideo", "-").redirectError(ProcessBuilder.Redirect.DISCARD).start();
		byte[] bytes = process.getInputStream().readAllBytes();
		process.waitFor(1, TimeUnit.MINUTES);
		return bytes;
	}

	private static double duration(Path file) throws Exception {
		return Double.parseDouble(run(file.getParent(), "ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries",
				"stream=duration", "-of", "csv=p=0", file.toString()).strip());
	}

	private static String run(Path folder, String... command) throws Exception {
		Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
		assertThat(process.exitValue()).as(String.join(" ", command) + ":\n" + output).isZero();
		return output;
	}

}
