package com.spatialintel.video.upload;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.spatialintel.video.storage.MultipartUploads;
import com.spatialintel.video.testing.ApiResponse;
import com.spatialintel.video.testing.HeadlessChromium;
import com.spatialintel.video.testing.IntegrationTest;
import com.spatialintel.video.testing.TenantFixture;
import com.spatialintel.video.testing.TestS3Server;
import com.spatialintel.video.testing.TestVideos;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The production mistake of issue 20 in Debian's Chromium: the storage's CORS rules allow only
 * {@code http://localhost:8080} (this run's S3Proxy), and the page is opened at
 * {@code http://127.0.0.1:<port>}. The page says at once which settings to fix, sends no part of
 * the file, starts no upload, and does not retry.
 */
@IntegrationTest
class StorageRefusedBrowserTests extends TenantFixture {

	private static final String STATUS_TEXT = "return [...document.querySelectorAll('[role=status]')].map(e => e.textContent).join(' | ')";

	@Autowired
	MultipartUploads multipart;

	@Test
	void aStorageThatRefusesThePagesOriginIsNamedAtOnceAndNothingIsUploaded() throws Exception {
		Path clip = TestVideos.small("refused-origin", 320, 240, false);
		String page = "http://127.0.0.1:" + URI.create(api.baseUrl()).getPort();
		ApiResponse login = api.post("/api/auth/login", null,
				Map.of("email", IntegrationTest.ADMIN_EMAIL, "password", IntegrationTest.ADMIN_PASSWORD));
		int pendingBefore = multipart.listPending().size();

		try (HeadlessChromium chromium = new HeadlessChromium()) {
			chromium.open(page + "/login");
			chromium.run("sessionStorage.setItem('siv.token', arguments[0]); sessionStorage.setItem('siv.user', arguments[1]);",
					login.text("token"), login.body().path("user").toString());
			chromium.open(page + "/malls/" + mallId + "/pins/" + pinId + "/upload");
			await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
				.until(() -> chromium.run("return document.querySelector('input[aria-label=\"Choose video files\"]') !== null")
					.equals(Boolean.TRUE));
			chromium.attach("input[aria-label='Choose video files']", clip);
			chromium.clickButton("Upload");

			String expected = "Uploads cannot reach the storage at " + TestS3Server.endpoint().replaceAll("/$", "")
					+ " from this page (" + page + "): the storage must allow this origin (PUBLIC_BASE_URL) and be reachable at S3_PUBLIC_ENDPOINT.";
			long started = System.nanoTime();
			await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
				.until(() -> String.valueOf(chromium.run(STATUS_TEXT)).contains(expected));
			assertThat(Duration.ofNanos(System.nanoTime() - started)).as("at once, not after retries").isLessThan(Duration.ofSeconds(10));

			Thread.sleep(3_000);
			assertThat(String.valueOf(chromium.run(STATUS_TEXT))).contains("❌ Failed: " + expected);
			assertThat(String.valueOf(chromium.run("return document.querySelector('.notice-line')?.textContent ?? ''")))
				.as("no retry notice").doesNotContain("retrying");
			chromium.screenshot(Path.of("target", "screenshots", "storage-refused-origin.png"));
		}
		ApiResponse videos = api.get("/api/malls/" + mallId + "/pins/" + pinId + "/videos", admin);
		assertThat(videos.status()).isEqualTo(200);
		assertThat(videos.body().path("total").asLong()).as("no upload was started: %s", videos).isZero();
		assertThat(multipart.listPending()).as("no multipart upload, no part").hasSize(pendingBefore);
	}

}
