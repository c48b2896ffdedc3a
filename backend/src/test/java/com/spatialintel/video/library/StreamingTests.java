package com.spatialintel.video.library;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.spatialintel.video.storage.ObjectStorage;
import com.spatialintel.video.testing.ApiResponse;
import com.spatialintel.video.testing.HeadlessChromium;
import com.spatialintel.video.testing.IntegrationTest;
import com.spatialintel.video.testing.Jobs;
import com.spatialintel.video.testing.TenantFixture;
import com.spatialintel.video.testing.TestDatabase;
import com.spatialintel.video.testing.TestS3Server;
import com.spatialintel.video.testing.TestVideos;
import org.junit.jupiter.api.BeforeEach;
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
 * Playing processed videos through signed links, with a real worker, ffmpeg and S3Proxy: every
 * Range form a player uses, ffprobe and ffmpeg reading and seeking over HTTP, tampered, expired and
 * rotated signatures, posters, and deleting a video with all its files.
 */
@IntegrationTest
@TestPropertySource(properties = { "APP_ROLE=all", "SIGNING_SECRET_PREVIOUS=" + StreamingTests.PREVIOUS_SECRET,
		"S3_MAX_CONNECTIONS=" + StreamingTests.S3_CONNECTIONS })
class StreamingTests extends TenantFixture {

	static final String CURRENT_SECRET = "test-signing-secret-0123456789abcdef";

	static final String PREVIOUS_SECRET = "the-signing-secret-before-rotation-0123";

	/** A small S3 pool, so that a connection not given back after a viewer leaves is soon missed. */
	static final int S3_CONNECTIONS = 4;

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A muted video element: metadata, a seek to {@code arguments[1]} s, then half a second played from there. */
	private static final String PLAY_AND_SEEK = """
			const [src, target, done] = arguments;
			const video = document.createElement('video');
			video.muted = true;
			video.preload = 'metadata';
			document.body.appendChild(video);
			video.addEventListener('error', () => done({ error: 'media error ' + (video.error && video.error.code) }));
			video.addEventListener('loadedmetadata', () => {
			  video.addEventListener('seeked', () => {
			    const seekedTo = video.currentTime;
			    video.play().catch(refused => done({ error: 'play refused: ' + refused }));
			    const playing = () => video.currentTime >= target + 0.5
			      ? done({ duration: video.duration, width: video.videoWidth, height: video.videoHeight,
			               seeked_to: seekedTo, played_to: video.currentTime })
			      : setTimeout(playing, 100);
			    playing();
			  }, { once: true });
			  video.currentTime = target;
			}, { once: true });
			video.src = src;
			""";

	/** One processed clip serves the read-only tests of this class. */
	private static UUID sharedVideo;

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		String url = TestDatabase.createForSession("siv_streaming");
		registry.add("spring.datasource.url", () -> url);
	}

	@Autowired
	ObjectStorage storage;

	@Autowired
	VideoDeletion deletion;

	@Autowired
	LocalCopies copies;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path temp;

	@BeforeEach
	void setUp() {
		if (sharedVideo == null) {
			sharedVideo = processed(TestVideos.custom("streamed", "-f", "lavfi", "-i", "testsrc2=s=640x360:r=30", "-f",
					"lavfi", "-i", "sine=frequency=300", "-t", "12", "-c:v", "libx264", "-preset", "ultrafast",
					"-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest"));
		}
	}

	@Test
	void aStreamUrlLastsTheConfiguredTimeAndHeadDescribesTheProxy() throws Exception {
		ApiResponse link = api.get("/api/videos/" + sharedVideo + "/stream-url", admin);

		assertThat(link.status()).isEqualTo(200);
		assertThat(link.text("url")).startsWith("/api/videos/" + sharedVideo + "/proxy?expires=").contains("&signature=");
		Instant expiresAt = Instant.parse(link.text("expires_at"));
		assertThat(Duration.between(Instant.now(), expiresAt).toSeconds()).isBetween(3590L, 3600L);
		assertThat(link.body().path("frame_rate").asInt()).as("the player's frame step").isEqualTo(10);
		HttpResponse<byte[]> head = send(link.text("url"), "HEAD");
		assertThat(head.statusCode()).isEqualTo(200);
		assertThat(head.headers().firstValue("Content-Type")).hasValue("video/mp4");
		assertThat(head.headers().firstValue("Accept-Ranges")).hasValue("bytes");
		assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(proxyBytes(sharedVideo).length);
		assertThat(head.headers().firstValue("ETag")).hasValueSatisfying(etag -> assertThat(etag).matches("\".+\""));
		assertThat(head.headers().firstValue("Last-Modified")).isPresent();
		assertThat(head.headers().firstValue("Cache-Control").orElseThrow()).matches("private, max-age=3[56]\\d\\d");
		assertThat(head.body()).isEmpty();
	}

	@Test
	void everyRangeFormAnswersWithTheRightBytes() throws Exception {
		String url = streamUrl(sharedVideo);
		byte[] proxy = proxyBytes(sharedVideo);
		int size = proxy.length;

		HttpResponse<byte[]> whole = send(url, "GET");
		assertThat(whole.statusCode()).isEqualTo(200);
		assertThat(whole.body()).isEqualTo(proxy);

		assertRange(url, "bytes=0-0", proxy, 0, 0);
		assertRange(url, "BYTES=0-1", proxy, 0, 1);
		assertRange(url, "Bytes=2-3", proxy, 2, 3);
		assertRange(url, "bytes=100-4195", proxy, 100, 4195);
		assertRange(url, "bytes=-500", proxy, size - 500, size - 1);
		assertRange(url, "bytes=" + (size - 300) + "-", proxy, size - 300, size - 1);
		assertRange(url, "bytes=" + (size - 10) + "-" + (size + 5000), proxy, size - 10, size - 1);
		assertRange(url, "bytes=-" + (size + 100), proxy, 0, size - 1);

		for (String pastTheEnd : List.of("bytes=" + size + "-", "bytes=" + (size + 10) + "-" + (size + 20))) {
			HttpResponse<byte[]> refused = send(url, "GET", "Range", pastTheEnd);
			assertThat(refused.statusCode()).as(pastTheEnd).isEqualTo(416);
			assertThat(refused.headers().firstValue("Content-Range")).hasValue("bytes */" + size);
			assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(JSON.readTree(refused.body()).path("detail").asString()).contains(String.valueOf(size));
		}

		HttpResponse<byte[]> several = send(url, "GET", "Range", "bytes=0-9,100-109");
		assertThat(several.statusCode()).isEqualTo(200);
		assertThat(several.body()).isEqualTo(proxy);
		HttpResponse<byte[]> malformed = send(url, "GET", "Range", "bytes=ten-twenty");
		assertThat(malformed.statusCode()).isEqualTo(200);
		assertThat(malformed.body()).hasSize(size);

		HttpResponse<byte[]> headOfRange = send(url, "HEAD", "Range", "bytes=10-19");
		assertThat(headOfRange.statusCode()).isEqualTo(206);
		assertThat(headOfRange.headers().firstValue("Content-Range")).hasValue("bytes 10-19/" + size);
		assertThat(headOfRange.headers().firstValueAsLong("Content-Length")).hasValue(10);
	}

	@Test
	void ifRangeAndConditionalRequestsAreHonoured() throws Exception {
		String url = streamUrl(sharedVideo);
		HttpResponse<byte[]> first = send(url, "HEAD");
		String etag = first.headers().firstValue("ETag").orElseThrow();
		String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
		int size = proxyBytes(sharedVideo).length;

		assertThat(send(url, "GET", "Range", "bytes=0-99", "If-Range", etag).statusCode()).isEqualTo(206);
		assertThat(send(url, "GET", "Range", "bytes=0-99", "If-Range", lastModified).statusCode()).isEqualTo(206);
		HttpResponse<byte[]> changed = send(url, "GET", "Range", "bytes=0-99", "If-Range", "\"another-version\"");
		assertThat(changed.statusCode()).isEqualTo(200);
		assertThat(changed.body()).hasSize(size);
		assertThat(send(url, "GET", "If-None-Match", etag).statusCode()).isEqualTo(304);
		HttpResponse<byte[]> any = send(url, "GET", "If-None-Match", "*");
		assertThat(any.statusCode()).isEqualTo(304);
		assertThat(any.headers().firstValue("ETag")).hasValue(etag);
		assertThat(send(url, "GET", "If-None-Match", "\"other\", " + etag).statusCode()).isEqualTo(304);
		assertThat(send(url, "GET", "If-None-Match", "W/" + etag).statusCode()).isEqualTo(304);
		assertThat(send(url, "GET", "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);

		HttpResponse<byte[]> otherVersion = send(url, "GET", "Range", "bytes=0-99", "If-Match", "\"another-version\"");
		assertThat(otherVersion.statusCode()).isEqualTo(412);
		assertThat(otherVersion.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(new String(otherVersion.body(), StandardCharsets.UTF_8)).contains("is not the version this request names");
		assertThat(send(url, "GET", "Range", "bytes=0-99", "If-Match", "W/" + etag).statusCode()).as("If-Match compares strongly")
			.isEqualTo(412);
		assertThat(send(url, "GET", "Range", "bytes=0-99", "If-Match", etag).statusCode()).isEqualTo(206);
		assertThat(send(url, "GET", "Range", "bytes=0-99", "If-Match", "*").statusCode()).isEqualTo(206);
		assertThat(send(url, "HEAD", "If-Unmodified-Since", "Mon, 01 Jan 2001 00:00:00 GMT").statusCode()).isEqualTo(412);
		assertThat(send(url, "GET", "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
	}

	@Test
	void aProxyRewrittenAfterItWasReadIsServedInItsNewVersion() throws Exception {
		UUID videoId = processed(TestVideos.small("rewritten", 320, 240, false));
		String url = streamUrl(videoId);
		String oldEtag = send(url, "HEAD").headers().firstValue("ETag").orElseThrow();
		byte[] replacement = replaceProxy(videoId, 300_000, 7);

		HttpResponse<byte[]> range = send(url, "GET", "Range", "bytes=1000-1999");

		assertThat(range.statusCode()).isEqualTo(206);
		assertThat(range.body()).isEqualTo(Arrays.copyOfRange(replacement, 1000, 2000));
		assertThat(range.headers().firstValue("Content-Range")).hasValue("bytes 1000-1999/300000");
		assertThat(range.headers().firstValue("ETag")).isNotEqualTo(java.util.Optional.of(oldEtag));
	}

	@Test
	void viewersWhoLeaveMidStreamGiveTheirS3ConnectionBack() throws Exception {
		UUID videoId = processed(TestVideos.small("left-mid-stream", 320, 240, false));
		byte[] large = replaceProxy(videoId, 32 * 1024 * 1024, 11);
		String url = streamUrl(videoId);
		URI uri = URI.create(api.baseUrl() + url);

		for (int viewer = 0; viewer < 3 * S3_CONNECTIONS; viewer++) {
			try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
				socket.getOutputStream()
					.write(("GET " + uri.getRawPath() + "?" + uri.getRawQuery() + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
						.getBytes(StandardCharsets.US_ASCII));
				assertThat(socket.getInputStream().readNBytes(256 * 1024)).hasSize(256 * 1024);
				// a closed tab: the connection is reset with most of the file unread
				socket.setSoLinger(true, 0);
			}
		}

		HttpResponse<byte[]> afterwards = send(url, "GET", "Range", "bytes=1000-1999");
		assertThat(afterwards.statusCode()).isEqualTo(206);
		assertThat(afterwards.body()).isEqualTo(Arrays.copyOfRange(large, 1000, 2000));
	}

	/**
	 * After a file's first read from S3 this node keeps a copy: the next reads, whole or ranged, long
	 * (sendfile) or short (written through a buffer), are answered from it with the same headers and
	 * bytes, here while S3 is stopped (within the 5 s that the object's description is remembered).
	 */
	@Test
	void aPlayedProxyIsCopiedToThisNodeAndItsSeeksThenNeedNoS3() throws Exception {
		UUID videoId = processed(TestVideos.small("copied", 320, 240, false));
		byte[] proxy = replaceProxy(videoId, 3 * 1024 * 1024, 13);
		String key = objectKeys(videoId).get(1);
		String url = streamUrl(videoId);
		HttpResponse<byte[]> fromS3 = send(url, "GET", "Range", "bytes=1000-199999");
		assertThat(fromS3.body()).isEqualTo(Arrays.copyOfRange(proxy, 1000, 200_000));
		var stored = storage.head(key).orElseThrow();
		await().atMost(Duration.ofSeconds(10)).until(() -> copies.find(stored).isPresent());

		List<HttpResponse<byte[]>> fromCopy = TestS3Server.whileStopped(() -> List.of(
				sendUnchecked(url, "Range", "bytes=1000-199999"), sendUnchecked(url), sendUnchecked(url, "Range", "bytes=-70000"),
				sendUnchecked(url, "Range", "bytes=3000000-"), sendUnchecked(url, "Range", "bytes=5-9")));

		for (String header : new String[] { "etag", "last-modified", "content-range", "content-length", "content-type",
				"accept-ranges" }) {
			assertThat(fromCopy.get(0).headers().allValues(header)).as(header).isEqualTo(fromS3.headers().allValues(header));
		}
		assertThat(fromCopy.get(0).headers().firstValue("cache-control")).hasValueSatisfying(
				value -> assertThat(value).startsWith("private, max-age="));
		assertThat(fromCopy.get(0).body()).isEqualTo(fromS3.body());
		assertThat(fromCopy.get(1).statusCode()).isEqualTo(200);
		assertThat(fromCopy.get(1).body()).isEqualTo(proxy);
		assertCopied(fromCopy.get(2), proxy, proxy.length - 70_000, proxy.length - 1);
		assertCopied(fromCopy.get(3), proxy, 3_000_000, proxy.length - 1);
		assertCopied(fromCopy.get(4), proxy, 5, 9);

		// a copy removed behind the app's back (a cleaner of /tmp): S3 answers, and a new copy is made
		Path removed = copies.find(stored).orElseThrow();
		Files.delete(removed);
		assertCopied(send(url, "GET", "Range", "bytes=1000-199999"), proxy, 1000, 199_999);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> copies.find(stored).filter(again -> !again.equals(removed) && Files.exists(again)).isPresent());
	}

	/** Replaces the video's proxy object with {@code size} random bytes, which it returns. */
	private byte[] replaceProxy(UUID videoId, int size, long seed) throws IOException {
		byte[] bytes = new byte[size];
		new java.util.Random(seed).nextBytes(bytes);
		Path file = temp.resolve("proxy-" + seed + ".bin");
		Files.write(file, bytes);
		storage.upload(objectKeys(videoId).get(1), file, "video/mp4");
		return bytes;
	}

	private HttpResponse<byte[]> sendUnchecked(String url, String... headers) {
		try {
			return send(url, "GET", headers);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void assertCopied(HttpResponse<byte[]> response, byte[] proxy, int first, int last) {
		assertThat(response.statusCode()).isEqualTo(206);
		assertThat(response.headers().firstValue("Content-Range")).hasValue("bytes " + first + "-" + last + "/" + proxy.length);
		assertThat(response.body()).isEqualTo(Arrays.copyOfRange(proxy, first, last + 1));
	}

	@Test
	void ffprobeAndASeekingFfmpegReadTheSignedUrlOverHttp() throws Exception {
		String url = api.baseUrl() + streamUrl(sharedVideo);

		JsonNode probe = JSON.readTree(run("ffprobe", "-v", "error", "-show_streams", "-show_format", "-of", "json", url));
		JsonNode video = streamOf(probe, "video");
		assertThat(video.path("codec_name").asString()).isEqualTo("h264");
		assertThat(video.path("height").asInt()).isEqualTo(360);
		assertThat(video.path("avg_frame_rate").asString()).isEqualTo("10/1");
		assertThat(streamOf(probe, "audio").path("codec_name").asString()).isEqualTo("aac");
		assertThat(probe.path("format").path("duration").asDouble()).isCloseTo(12.0, within(0.3));

		Path frame = temp.resolve("frame-at-9s.png");
		run("ffmpeg", "-v", "error", "-ss", "9", "-i", url, "-frames:v", "1", "-y", frame.toString());
		assertThat(Files.size(frame)).isPositive();
	}

	@Test
	void chromiumPlaysTheSignedUrlAndSeeksIntoIt() throws Exception {
		String url = api.baseUrl() + streamUrl(sharedVideo);

		Map<?, ?> played;
		try (HeadlessChromium chromium = new HeadlessChromium()) {
			chromium.open(api.baseUrl() + "/actuator/health");
			played = (Map<?, ?>) chromium.runAsync(PLAY_AND_SEEK, url, 9);
		}

		assertThat(played.get("error")).as("%s", played).isNull();
		assertThat(((Number) played.get("duration")).doubleValue()).isCloseTo(12.0, within(0.3));
		assertThat(played.get("width")).isEqualTo(640L);
		assertThat(played.get("height")).isEqualTo(360L);
		assertThat(((Number) played.get("seeked_to")).doubleValue()).isCloseTo(9.0, within(0.2));
		assertThat(((Number) played.get("played_to")).doubleValue()).isGreaterThanOrEqualTo(9.5);
	}

	@Test
	void alteredMissingAndExpiredSignaturesAreRefusedWith403() throws Exception {
		String url = streamUrl(sharedVideo);
		String expires = query(url, "expires");
		String signature = query(url, "signature");
		UUID otherVideo = UUID.randomUUID();
		String flipped = (signature.charAt(0) == 'A' ? "B" : "A") + signature.substring(1);
		long past = Instant.now().minusSeconds(5).getEpochSecond();

		List<String> refused = List.of(
				"/api/videos/" + otherVideo + "/proxy?expires=" + expires + "&signature=" + signature,
				"/api/videos/" + sharedVideo + "/proxy?expires=" + expires + "&signature=" + flipped,
				"/api/videos/" + sharedVideo + "/proxy?expires=" + (Long.parseLong(expires) + 1) + "&signature=" + signature,
				"/api/videos/" + sharedVideo + "/proxy?expires=" + expires,
				"/api/videos/" + sharedVideo + "/proxy",
				"/api/videos/" + sharedVideo + "/proxy?expires=soon&signature=" + signature,
				"/api/videos/" + sharedVideo + "/proxy?expires=" + expires + "&signature=%25%25not-base64",
				"/api/videos/" + sharedVideo + "/poster?expires=" + expires + "&signature=" + signature,
				signed(sharedVideo, "proxy", past, CURRENT_SECRET),
				signed(sharedVideo, "proxy", Instant.now().plusSeconds(600).getEpochSecond(),
						"a-secret-this-server-never-had-0123456789"));
		for (String path : refused) {
			HttpResponse<byte[]> response = send(path, "GET");
			assertThat(response.statusCode()).as(path).isEqualTo(403);
			assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
			assertThat(JSON.readTree(response.body()).path("detail").asString()).as(path).isNotBlank();
		}
		assertThat(JSON.readTree(send(signed(sharedVideo, "proxy", past, CURRENT_SECRET), "GET").body()).path("detail")
			.asString()).contains("expired");
		assertThat(send("/api/videos/not-a-uuid/proxy?expires=1&signature=x", "GET").statusCode()).isEqualTo(400);
	}

	@Test
	void aLinkSignedWithThePreviousSecretStillPlaysAfterRotation() throws Exception {
		long expires = Instant.now().plusSeconds(600).getEpochSecond();

		HttpResponse<byte[]> response = send(signed(sharedVideo, "proxy", expires, PREVIOUS_SECRET), "GET", "Range",
				"bytes=0-7");

		assertThat(response.statusCode()).isEqualTo(206);
		assertThat(new String(response.body(), 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
	}

	@Test
	void theListCarriesASignedPosterUrlThatServesAJpeg() throws Exception {
		JsonNode list = api.get("/api/malls/" + mallOf(sharedVideo) + "/pins/" + pinOf(sharedVideo) + "/videos", admin)
			.body();

		JsonNode item = list.path("videos").get(0);
		assertThat(item.path("id").asString()).isEqualTo(sharedVideo.toString());
		assertThat(item.path("has_proxy").asBoolean()).isTrue();
		String posterUrl = item.path("poster_url").asString();
		assertThat(posterUrl).startsWith("/api/videos/" + sharedVideo + "/poster?expires=");
		HttpResponse<byte[]> poster = send(posterUrl, "GET");
		assertThat(poster.statusCode()).isEqualTo(200);
		assertThat(poster.headers().firstValue("Content-Type")).hasValue("image/jpeg");
		assertThat(Arrays.copyOf(poster.body(), 2)).containsExactly(0xFF, 0xD8);
		String asProxy = posterUrl.replace("/poster?", "/proxy?");
		assertThat(send(asProxy, "GET").statusCode()).isEqualTo(403);
	}

	/** The 12 s clip: a tile every 5 s (three), cues from 0 to the proxy's end, each naming a signed tile. */
	@Test
	void scrubPreviewsAreCuesOverTheWholeVideoWithSignedTilesOfTheSpriteSheet() throws Exception {
		ApiResponse link = api.get("/api/videos/" + sharedVideo + "/stream-url", admin);
		String previewsUrl = link.text("previews_url");
		assertThat(previewsUrl).startsWith("/api/videos/" + sharedVideo + "/previews.vtt?expires=").contains("&signature=");

		HttpResponse<byte[]> vtt = send(previewsUrl, "GET");

		assertThat(vtt.statusCode()).isEqualTo(200);
		assertThat(vtt.headers().firstValue("Content-Type")).hasValue("text/vtt;charset=UTF-8");
		assertThat(vtt.headers().firstValue("Cache-Control").orElseThrow()).matches("private, max-age=3[56]\\d\\d");
		List<String> lines = List.of(new String(vtt.body(), StandardCharsets.UTF_8).split("\n"));
		assertThat(lines.get(0)).isEqualTo("WEBVTT");
		List<String> times = lines.stream().filter(line -> line.contains(" --> ")).toList();
		List<String> tiles = lines.stream().filter(line -> line.contains("#xywh=")).toList();
		assertThat(times).hasSize(3).first().asString().startsWith("00:00:00.000 --> 00:00:05.000");
		double duration = api.get("/api/videos/" + sharedVideo, admin).body().path("duration_seconds").asDouble();
		String lastEnd = times.get(2).substring(times.get(2).indexOf("--> ") + 4);
		assertThat(seconds(lastEnd)).as("the last cue ends with the video").isCloseTo(duration, within(0.6));
		assertThat(tiles).containsExactly(tile(tiles, 0, 0), tile(tiles, 160, 0), tile(tiles, 320, 0));
		String image = tiles.get(0).substring(0, tiles.get(0).indexOf('#'));
		assertThat(image).startsWith("/api/videos/" + sharedVideo + "/previews.jpg?expires=");

		HttpResponse<byte[]> sheet = send(image, "GET");
		assertThat(sheet.statusCode()).isEqualTo(200);
		assertThat(sheet.headers().firstValue("Content-Type")).hasValue("image/jpeg");
		java.awt.image.BufferedImage decoded = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(sheet.body()));
		assertThat(decoded.getWidth()).isEqualTo(3 * 160);
		assertThat(decoded.getHeight()).isEqualTo(90);
		assertThat(send(image, "GET", "Range", "bytes=0-1").statusCode()).isEqualTo(206);

		String expires = query(previewsUrl, "expires");
		String signature = query(previewsUrl, "signature");
		String flipped = (signature.charAt(0) == 'A' ? "B" : "A") + signature.substring(1);
		for (String refused : List.of(
				"/api/videos/" + sharedVideo + "/previews.vtt?expires=" + expires + "&signature=" + flipped,
				"/api/videos/" + sharedVideo + "/previews.jpg?expires=" + expires + "&signature=" + signature,
				"/api/videos/" + sharedVideo + "/proxy?expires=" + expires + "&signature=" + signature,
				"/api/videos/" + UUID.randomUUID() + "/previews.vtt?expires=" + expires + "&signature=" + signature,
				"/api/videos/" + sharedVideo + "/previews.vtt",
				image.replace("/previews.jpg?", "/poster?"))) {
			HttpResponse<byte[]> response = send(refused, "GET");
			assertThat(response.statusCode()).as(refused).isEqualTo(403);
			assertThat(response.headers().firstValue("Content-Type")).as(refused).hasValue("application/problem+json");
		}
	}

	/** Videos processed before previews existed: no previews link, and everything else as before. */
	@Test
	void aVideoWithoutPreviewsStillPlaysAndHasNoPreviewsLink() throws Exception {
		String path = jdbc.sql("SELECT previews_path FROM videos WHERE id = ?").param(sharedVideo).query(String.class).single();
		jdbc.sql("UPDATE videos SET previews_path = NULL WHERE id = ?").param(sharedVideo).update();
		try {
			ApiResponse link = api.get("/api/videos/" + sharedVideo + "/stream-url", admin);
			assertThat(link.status()).isEqualTo(200);
			assertThat(link.body().path("previews_url").isNull()).as(link.toString()).isTrue();
			assertThat(api.get("/api/videos/" + sharedVideo, admin).status()).isEqualTo(200);
			assertThat(send(link.text("url"), "GET", "Range", "bytes=0-7").statusCode()).isEqualTo(206);
			long expires = Instant.now().plusSeconds(600).getEpochSecond();
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(send(signed(sharedVideo, "previews.vtt", expires, CURRENT_SECRET), "GET")
					.statusCode()).as("once the row is read again").isEqualTo(404));
		}
		finally {
			jdbc.sql("UPDATE videos SET previews_path = ? WHERE id = ?").params(path, sharedVideo).update();
		}
	}

	private static String tile(List<String> tiles, int x, int y) {
		String image = tiles.get(0).substring(0, tiles.get(0).indexOf('#'));
		return image + "#xywh=" + x + "," + y + ",160,90";
	}

	private static double seconds(String timestamp) {
		String[] parts = timestamp.trim().split(":");
		return Integer.parseInt(parts[0]) * 3600 + Integer.parseInt(parts[1]) * 60 + Double.parseDouble(parts[2]);
	}

	@Test
	void deletingAProcessedVideoRemovesEveryObjectTheRowAndItsJobs() throws Exception {
		UUID videoId = processed(TestVideos.small("to-delete", 320, 240, true));
		String url = streamUrl(videoId);
		List<String> keys = objectKeys(videoId);
		assertThat(keys).allSatisfy(key -> assertThat(storage.head(key)).as(key).isPresent());
		assertThat(send(url, "GET").statusCode()).isEqualTo(200);
		var played = storage.head(keys.get(1)).orElseThrow();
		await().atMost(Duration.ofSeconds(10)).until(() -> copies.find(played).isPresent());
		Path copy = copies.find(played).orElseThrow();

		ApiResponse deleted = api.delete("/api/videos/" + videoId, admin);

		assertThat(deleted.status()).isEqualTo(204);
		assertThat(keys).allSatisfy(key -> assertThat(storage.head(key)).as(key).isEmpty());
		assertThat(count("SELECT COUNT(*) FROM videos WHERE id = ?", videoId)).isZero();
		assertThat(count("SELECT COUNT(*) FROM processing_jobs WHERE video_id = ?", videoId)).isZero();
		assertThat(api.get("/api/videos/" + videoId, admin).status()).isEqualTo(404);
		assertThat(send(url, "GET").statusCode()).isEqualTo(404);
		assertThat(copy).as("this node's copy of the proxy").doesNotExist();
		assertThat(copies.find(played)).isEmpty();
		assertThat(api.delete("/api/videos/" + videoId, admin).status()).isEqualTo(404);
	}

	@Test
	void aDeletionThatS3InterruptsHidesTheVideoAndFinishesLater() throws Exception {
		UUID videoId = processed(TestVideos.small("delete-while-down", 320, 240, false));
		List<String> keys = objectKeys(videoId);

		ApiResponse whileDown = TestS3Server.whileStopped(() -> api.delete("/api/videos/" + videoId, admin));

		assertThat(whileDown.status()).as(whileDown.toString()).isEqualTo(202);
		assertThat(whileDown.text("detail")).contains("storage");
		assertThat(api.get("/api/videos/" + videoId, admin).status()).isEqualTo(404);
		assertThat(count("SELECT COUNT(*) FROM videos WHERE id = ? AND deletion_requested_at IS NOT NULL", videoId))
			.isOne();
		assertThat(storage.head(keys.get(0))).isPresent();

		assertThat(deletion.finishUnfinished(Duration.ZERO)).isGreaterThanOrEqualTo(1);

		assertThat(keys).allSatisfy(key -> assertThat(storage.head(key)).as(key).isEmpty());
		assertThat(count("SELECT COUNT(*) FROM videos WHERE id = ?", videoId)).isZero();
	}

	private UUID processed(Path source) {
		JsonNode job = Jobs.uploadAndProcess(api, uploads, admin, source);
		assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("completed");
		return UUID.fromString(job.path("video_id").asString());
	}

	private String streamUrl(UUID videoId) {
		ApiResponse link = api.get("/api/videos/" + videoId + "/stream-url", admin);
		assertThat(link.status()).as(link.toString()).isEqualTo(200);
		return link.text("url");
	}

	private byte[] proxyBytes(UUID videoId) throws IOException {
		try (InputStream in = storage.download(objectKeys(videoId).get(1)).orElseThrow()) {
			return in.readAllBytes();
		}
	}

	/** original, proxy, poster, previews' cues and sprite sheet */
	private List<String> objectKeys(UUID videoId) {
		String prefix = mallOf(videoId) + "/" + pinOf(videoId) + "/" + videoId + "/";
		return List.of(prefix + "original.mp4", prefix + "proxy.mp4", prefix + "poster.jpg", prefix + "previews.vtt",
				prefix + "previews.jpg");
	}

	private UUID mallOf(UUID videoId) {
		return jdbc.sql("SELECT mall_id FROM videos WHERE id = ?").param(videoId).query(UUID.class).single();
	}

	private UUID pinOf(UUID videoId) {
		return jdbc.sql("SELECT pin_id FROM videos WHERE id = ?").param(videoId).query(UUID.class).single();
	}

	private long count(String sql, UUID id) {
		return jdbc.sql(sql).param(id).query(Long.class).single();
	}

	private void assertRange(String url, String range, byte[] proxy, int first, int last) throws Exception {
		HttpResponse<byte[]> response = send(url, "GET", "Range", range);
		assertThat(response.statusCode()).as(range).isEqualTo(206);
		assertThat(response.headers().firstValue("Content-Range")).as(range)
			.hasValue("bytes " + first + "-" + last + "/" + proxy.length);
		assertThat(response.headers().firstValueAsLong("Content-Length")).as(range).hasValue(last - first + 1);
		assertThat(response.body()).as(range).isEqualTo(Arrays.copyOfRange(proxy, first, last + 1));
	}

	private HttpResponse<byte[]> send(String pathOrUrl, String method, String... headers) throws Exception {
		String url = pathOrUrl.startsWith("http") ? pathOrUrl : api.baseUrl() + pathOrUrl;
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (headers.length > 0) {
			request.headers(headers);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	/** A link signed the way the server signs, with any secret and expiry. */
	private static String signed(UUID videoId, String resource, long expires, String secret) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		byte[] signature = mac.doFinal((videoId + "\n" + resource + "\n" + expires).getBytes(StandardCharsets.UTF_8));
		return "/api/videos/" + videoId + "/" + resource + "?expires=" + expires + "&signature="
				+ Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
	}

	private static String query(String url, String name) {
		for (String pair : URI.create(url).getRawQuery().split("&")) {
			if (pair.startsWith(name + "=")) {
				return pair.substring(name.length() + 1);
			}
		}
		throw new IllegalArgumentException(name + " not in " + url);
	}

	private static JsonNode streamOf(JsonNode probe, String type) {
		for (JsonNode stream : probe.path("streams")) {
			if (stream.path("codec_type").asString().equals(type)) {
				return stream;
			}
		}
		return JSON.missingNode();
	}

	private static String run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}

}
