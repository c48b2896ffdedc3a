package com.spatialintel.video.upload;

import java.nio.file.Path;

import com.spatialintel.video.testing.ApiResponse;
import com.spatialintel.video.testing.IntegrationTest;
import com.spatialintel.video.testing.TenantFixture;
import com.spatialintel.video.testing.TestVideos;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without the operator's "Recorded at", complete takes the file's own {@code creation_time} when it
 * is plausible; every video says where its time came from.
 */
@IntegrationTest
class RecordingTimeTests extends TenantFixture {

	@Test
	void theFilesOwnTimeIsTakenWhenTheOperatorGaveNone() {
		ApiResponse completed = uploads.uploadWhole(clip("file-time", "2026-03-29T01:30:05.000000Z"), null);

		assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
		assertThat(completed.text("recorded_at")).isEqualTo("2026-03-29T01:30:05Z");
		assertThat(completed.text("recorded_at_source")).isEqualTo("file");
		ApiResponse details = api.get("/api/videos/" + completed.text("video_id"), admin);
		assertThat(details.text("recorded_at")).isEqualTo("2026-03-29T01:30:05Z");
		assertThat(details.text("recorded_at_source")).isEqualTo("file");
		assertThat(details.text("mall_time_zone")).isEqualTo("UTC");
	}

	@Test
	void theOperatorsTimeWinsOverTheFiles() {
		ApiResponse completed = uploads.uploadWhole(clip("operator-time", "2026-03-29T01:30:05.000000Z"),
				"2026-04-01T08:00:00Z");

		assertThat(completed.text("recorded_at")).isEqualTo("2026-04-01T08:00:00Z");
		assertThat(completed.text("recorded_at_source")).isEqualTo("operator");
	}

	@Test
	void anImplausibleFileTimeIsIgnored() {
		ApiResponse future = uploads.uploadWhole(clip("future-time", "2099-01-01T00:00:00.000000Z"), null);
		ApiResponse epoch = uploads.uploadWhole(clip("epoch-time", "1970-01-01T00:00:00.000000Z"), null);

		for (ApiResponse completed : new ApiResponse[] { future, epoch }) {
			assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
			assertThat(absent(completed, "recorded_at")).as(completed.toString()).isTrue();
			assertThat(absent(completed, "recorded_at_source")).isTrue();
		}
	}

	@Test
	void aFileWithoutATimeAndNoOperatorTimeHasNone() {
		ApiResponse completed = uploads.uploadWhole(TestVideos.small("no-time", 160, 120, false), null);

		assertThat(absent(completed, "recorded_at")).isTrue();
		ApiResponse details = api.get("/api/videos/" + completed.text("video_id"), admin);
		assertThat(absent(details, "recorded_at_source")).isTrue();
	}

	private static boolean absent(ApiResponse response, String field) {
		return response.body().path(field).isNull() || response.body().path(field).isMissingNode();
	}

	private static Path clip(String name, String creationTime) {
		return TestVideos.custom(name, "-f", "lavfi", "-i", "testsrc=size=160x120:rate=10:duration=1", "-metadata",
				"creation_time=" + creationTime, "-c:v", "libx264", "-pix_fmt", "yuv420p");
	}

}
