package com.spatialintel.video.upload;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.spatialintel.video.storage.MultipartUploads;
import com.spatialintel.video.storage.ObjectStorage;
import com.spatialintel.video.testing.ApiResponse;
import com.spatialintel.video.testing.IntegrationTest;
import com.spatialintel.video.testing.TenantFixture;
import com.spatialintel.video.testing.TestS3Server;
import com.spatialintel.video.testing.TestVideos;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The whole upload flow over HTTP, with the bytes going to a real S3Proxy. */
@IntegrationTest
@TestPropertySource(properties = "PART_SIZE_BYTES=5242880")
class UploadFlowTests extends TenantFixture {

	@Override
	protected String uploaderToken() {
		return api.tokenFor(admin, "OPERATOR", mallId);
	}

	private static final long PART = 5 * 1024 * 1024;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectStorage storage;

	@Autowired
	MultipartUploads multipart;

	@Test
	void aVideoGoesUpInPartsAndItsMetadataIsStored() {
		Path video = TestVideos.mp4("flow", 12);

		ApiResponse initiated = uploads.initiate(video);

		assertThat(initiated.status()).isEqualTo(201);
		assertThat(initiated.body().path("part_size_bytes").asLong()).isEqualTo(PART);
		int totalParts = (int) ((TestVideos.size(video) + PART - 1) / PART);
		assertThat(initiated.body().path("total_parts").asInt()).isEqualTo(totalParts);
		assertThat(initiated.body().path("presigned_urls").size()).isEqualTo(totalParts);
		assertThat(initiated.body().path("presigned_urls").get(0).path("url").asString()).contains("partNumber=1")
			.contains("X-Amz-Signature=");
		assertThat(initiated.body().path("duplicate").asBoolean()).isFalse();
		UUID videoId = UUID.fromString(initiated.text("video_id"));

		Map<Integer, String> etags = uploads.putParts(initiated.body(), video);
		ApiResponse stored = api.get(uploads.path("/" + videoId + "/parts"), admin);
		assertThat(stored.body().path("parts").size()).isEqualTo(totalParts);
		assertThat(stored.body().path("parts").get(0).path("size").asLong()).isEqualTo(PART);

		ApiResponse completed = uploads.complete(videoId, etags);

		assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
		assertThat(completed.text("upload_status")).isEqualTo("uploaded");
		assertThat(completed.text("processing_status")).isEqualTo("queued");
		assertThat(completed.text("uploaded_at")).isNotBlank();
		UUID jobId = UUID.fromString(completed.text("job_id"));

		JsonNode details = api.get("/api/videos/" + videoId, admin).body();
		assertThat(details.path("width").asInt()).isEqualTo(640);
		assertThat(details.path("height").asInt()).isEqualTo(360);
		assertThat(details.path("fps").asDouble()).isEqualTo(25.0);
		assertThat(details.path("codec").asString()).isEqualTo("h264");
		assertThat(details.path("duration_seconds").asDouble()).isCloseTo(12.0, within(0.2));
		assertThat(details.path("file_size_bytes").asLong()).isEqualTo(TestVideos.size(video));
		assertThat(details.path("operator_notes").asString()).isEqualTo("north entrance, morning");
		assertThat(details.path("recorded_at").asString()).isEqualTo("2026-10-30T14:00:00Z");
		assertThat(details.path("has_proxy").asBoolean()).isFalse();
		assertThat(details.path("processing_job_id").asString()).isEqualTo(jobId.toString());
		assertThat(details.path("uploaded_by_email").asString()).as("this class uploads as an operator")
			.startsWith("operator-").endsWith("@test.example");
		assertThat(jdbc.sql("SELECT status FROM processing_jobs WHERE id = ?").param(jobId).query(String.class).single())
			.isEqualTo("pending");
		assertThat(storage.head(mallId + "/" + pinId + "/" + videoId + "/original.mp4")).get()
			.satisfies(object -> assertThat(object.sizeBytes()).isEqualTo(TestVideos.size(video)));
	}

	@Test
	void theStorageCheckIsAShortLivedLinkThePageCanPutAnEmptyBodyTo() {
		ApiResponse check = api.get(uploads.path("/storage-check"), admin);

		assertThat(check.status()).as(check.toString()).isEqualTo(200);
		assertThat(check.text("url")).startsWith(TestS3Server.endpoint()).contains("/upload-checks/reach?");
		assertThat(Instant.parse(check.text("expires_at"))).isBefore(Instant.now().plus(Duration.ofMinutes(6)));
		ApiResponse put = api.putToStorage(check.text("url"), new byte[0]);
		assertThat(put.status()).as(put.toString()).isEqualTo(200);
		assertThat(put.header("ETag")).isNotBlank();

		String viewer = api.tokenFor(admin, "VIEWER", mallId);
		assertThat(api.get(uploads.path("/storage-check"), viewer).status()).isEqualTo(403);
		String otherMallOperator = api.tokenFor(admin, "OPERATOR", api.createMall(admin));
		assertThat(api.get(uploads.path("/storage-check"), otherMallOperator).status()).isEqualTo(404);
	}

	@Test
	void theSameFileAgainIsADuplicateWithTheSameVideoId() {
		Path video = TestVideos.mp4("duplicate", 6);
		ApiResponse first = uploads.uploadWhole(video);

		ApiResponse again = uploads.initiate(video);

		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body().path("duplicate").asBoolean()).isTrue();
		assertThat(again.text("video_id")).isEqualTo(first.text("video_id"));
		assertThat(again.text("upload_status")).isEqualTo("uploaded");
		assertThat(again.text("processing_status")).isEqualTo("queued");
	}

	@Test
	void theSameFileWhileItUploadsResumesWithUrlsForTheMissingParts() {
		Path video = TestVideos.mp4("resume", 12);
		ApiResponse first = uploads.initiate(video);
		Map<Integer, String> partOne = uploads.putParts(first.body(), video, 1);

		ApiResponse resumed = uploads.initiate(video);

		assertThat(resumed.status()).isEqualTo(200);
		assertThat(resumed.body().path("resumed").asBoolean()).isTrue();
		assertThat(resumed.text("video_id")).isEqualTo(first.text("video_id"));
		assertThat(resumed.text("upload_id")).isEqualTo(first.text("upload_id"));
		assertThat(resumed.body().path("uploaded_parts").get(0).asInt()).isEqualTo(1);
		assertThat(resumed.body().path("presigned_urls").valueStream().map(url -> url.path("part_number").asInt()))
			.containsExactly(2, 3);

		Map<Integer, String> rest = uploads.putParts(resumed.body(), video);
		rest.putAll(partOne);
		assertThat(uploads.complete(UUID.fromString(first.text("video_id")), rest).status()).isEqualTo(200);
	}

	@Test
	void completingTwiceGivesTheSameAnswer() {
		Path video = TestVideos.mp4("twice", 6);
		ApiResponse initiated = uploads.initiate(video);
		UUID videoId = UUID.fromString(initiated.text("video_id"));
		Map<Integer, String> etags = uploads.putParts(initiated.body(), video);

		ApiResponse first = uploads.complete(videoId, etags);
		ApiResponse second = uploads.complete(videoId, etags);
		ApiResponse third = uploads.completeWithoutReceipts(videoId);

		assertThat(first.status()).isEqualTo(200);
		assertThat(second.status()).isEqualTo(200);
		assertThat(second.body()).isEqualTo(first.body());
		assertThat(third.body()).isEqualTo(first.body());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM processing_jobs WHERE video_id = ?").param(videoId).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void completeWithoutReceiptsUsesThePartsStorageHolds() {
		Path video = TestVideos.mp4("no-receipts", 6);
		ApiResponse initiated = uploads.initiate(video);
		uploads.putParts(initiated.body(), video);

		ApiResponse completed = uploads.completeWithoutReceipts(UUID.fromString(initiated.text("video_id")));

		assertThat(completed.status()).isEqualTo(200);
		assertThat(completed.text("upload_status")).isEqualTo("uploaded");
	}

	@Test
	void abortingRemovesTheRowAndTheMultipartUpload() {
		Path video = TestVideos.mp4("abort", 6);
		ApiResponse initiated = uploads.initiate(video);
		UUID videoId = UUID.fromString(initiated.text("video_id"));
		uploads.putParts(initiated.body(), video, 1);

		ApiResponse aborted = api.delete(uploads.path("/" + videoId), admin);

		assertThat(aborted.status()).isEqualTo(204);
		assertThat(api.get("/api/videos/" + videoId, admin).status()).isEqualTo(404);
		assertThat(multipart.listPending())
			.noneMatch(upload -> upload.uploadId().equals(initiated.text("upload_id")));
		assertThat(uploads.completeWithoutReceipts(videoId).status()).isEqualTo(404);
		assertThat(api.delete(uploads.path("/" + videoId), admin).status()).isEqualTo(404);
	}

	@Test
	void aCompletedUploadCannotBeAborted() {
		ApiResponse completed = uploads.uploadWhole(TestVideos.mp4("keep", 6));

		ApiResponse aborted = api.delete(uploads.path("/" + completed.text("video_id")), admin);

		assertThat(aborted.status()).isEqualTo(409);
		assertThat(aborted.detail()).contains("delete the video");
	}

	@Test
	void partsPastTheFirstHundredAreSignedOnRequest() {
		long twoGigabytes = 2L * 1024 * 1024 * 1024;
		ApiResponse initiated = uploads.initiate("big.mp4", twoGigabytes, "ab".repeat(32));
		UUID videoId = UUID.fromString(initiated.text("video_id"));

		assertThat(initiated.body().path("total_parts").asInt()).isEqualTo(410);
		assertThat(initiated.body().path("presigned_urls").size()).isEqualTo(100);
		List<Integer> later = java.util.stream.IntStream.rangeClosed(101, 205).boxed().toList();
		ApiResponse signed = api.post(uploads.path("/" + videoId + "/parts"), admin, Map.of("part_numbers", later));

		assertThat(signed.status()).isEqualTo(200);
		assertThat(signed.body().path("presigned_urls").size()).isEqualTo(105);
		assertThat(signed.body().path("presigned_urls").get(0).path("url").asString()).contains("partNumber=101");
		assertThat(signed.text("expires_at")).isNotBlank();
		api.delete(uploads.path("/" + videoId), admin);
	}

}
