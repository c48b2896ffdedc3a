package com.spatialintel.video.library;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.spatialintel.video.storage.ObjectStorage;
import com.spatialintel.video.testing.ApiResponse;
import com.spatialintel.video.testing.IntegrationTest;
import com.spatialintel.video.testing.TcpForwarder;
import com.spatialintel.video.testing.TenantFixture;
import com.spatialintel.video.testing.TestS3Server;
import com.spatialintel.video.testing.TestVideos;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Streaming when S3 breaks off midway: the app reaches S3 through a forwarder that can cut its
 * answers. The viewer must see the failure at once (the connection closes), not wait for bytes
 * that never come and then take a short body for the whole one.
 */
@IntegrationTest
@TestPropertySource(properties = "APP_ROLE=web")
class BrokenStorageStreamingTests extends TenantFixture {

	private static final TcpForwarder S3 = new TcpForwarder("127.0.0.1", URI.create(TestS3Server.endpoint()).getPort());

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@DynamicPropertySource
	static void s3ThroughTheForwarder(DynamicPropertyRegistry registry) {
		registry.add("S3_ENDPOINT", () -> "http://127.0.0.1:" + S3.port());
	}

	@AfterAll
	static void closeForwarder() {
		S3.close();
	}

	@AfterEach
	void mendS3() {
		S3.cutRepliesAfter(-1);
	}

	@Autowired
	ObjectStorage storage;

	@Autowired
	JdbcClient jdbc;

	@Test
	void s3BreakingOffMidStreamClosesTheViewersConnectionAtOnce() throws Exception {
		String url = streamUrlOfAProxy(TestVideos.randomBytes("broken-proxy", 3 * 1024 * 1024));
		cutS3After(512 * 1024);

		HttpRequest get = HttpRequest.newBuilder(URI.create(url)).build();

		// the keep-alive timeout is 60 s: a client still waiting after 15 s was not told
		assertThatThrownBy(() -> HTTP.sendAsync(get, HttpResponse.BodyHandlers.ofByteArray()).get(15, TimeUnit.SECONDS))
			.as("a short body must end in an error at once, not after the keep-alive timeout")
			.isInstanceOf(ExecutionException.class)
			.cause()
			.isInstanceOf(IOException.class);
	}

	@Test
	void s3BreakingOffBeforeTheFirstByteIsA503WithASentence() throws Exception {
		String url = streamUrlOfAProxy(TestVideos.randomBytes("broken-early", 3 * 1024 * 1024));
		HttpRequest firstBytes = HttpRequest.newBuilder(URI.create(url))
			.header("Range", "bytes=0-99")
			.timeout(Duration.ofSeconds(20))
			.build();
		HttpResponse<String> whole = HTTP.send(firstBytes, HttpResponse.BodyHandlers.ofString());
		cutS3After(1); // the object's description is remembered for seconds: only the read of its bytes breaks

		HttpResponse<String> answer = HTTP.send(firstBytes, HttpResponse.BodyHandlers.ofString());

		assertThat(whole.statusCode()).isEqualTo(206);
		assertThat(answer.statusCode()).isEqualTo(503);
		assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(answer.body()).contains("The video store (S3) cannot be reached right now");
	}

	@Test
	void withS3WholeTheSameLinkServesEveryByte() throws Exception {
		Path proxy = TestVideos.randomBytes("whole-proxy", 3 * 1024 * 1024);
		String url = streamUrlOfAProxy(proxy);

		HttpResponse<byte[]> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
				HttpResponse.BodyHandlers.ofByteArray());

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).isEqualTo(java.nio.file.Files.readAllBytes(proxy));
	}

	/** An uploaded video whose proxy is {@code bytes}, written straight to the bucket; its signed link. */
	private String streamUrlOfAProxy(Path bytes) {
		ApiResponse uploaded = uploads.uploadWhole(TestVideos.small("broken-" + UUID.randomUUID(), 160, 120, false));
		UUID videoId = UUID.fromString(uploaded.text("video_id"));
		String proxyKey = mallId + "/" + pinId + "/" + videoId + "/proxy.mp4";
		storage.upload(proxyKey, bytes, "video/mp4");
		jdbc.sql("UPDATE videos SET processing_status = 'completed', proxy_path = ? WHERE id = ?")
			.params(proxyKey, videoId)
			.update();
		ApiResponse link = api.get("/api/videos/" + videoId + "/stream-url", admin);
		assertThat(link.status()).as(link.toString()).isEqualTo(200);
		return api.baseUrl() + link.text("url");
	}

	/** Every connection of the app to S3 breaks off after {@code bytes} more of S3's answers. */
	private static void cutS3After(long bytes) {
		S3.cutRepliesAfter(bytes);
	}

}
