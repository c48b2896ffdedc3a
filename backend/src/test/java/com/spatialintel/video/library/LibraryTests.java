package com.spatialintel.video.library;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import com.spatialintel.video.storage.MultipartUploads;
import com.spatialintel.video.storage.ObjectStorage;
import com.spatialintel.video.testing.ApiResponse;
import com.spatialintel.video.testing.IntegrationTest;
import com.spatialintel.video.testing.TenantFixture;
import com.spatialintel.video.testing.TestVideos;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pin's list (order, pages, filters, bad parameters), what each role and tenant may do, and the
 * answers of stream-url before a proxy exists. The API only: no worker runs here.
 */
@IntegrationTest
class LibraryTests extends TenantFixture {

	@Autowired
	ObjectStorage storage;

	@Autowired
	MultipartUploads multipart;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theListIsNewestRecordingFirstThenNewestUploadWithTotalAndPages() {
		UUID noon = initiate("noon.mp4", "2026-11-01T12:00:00Z");
		UUID morning = initiate("morning.mp4", "2026-11-01T08:00:00Z");
		UUID unknownTime = initiate("unknown.mp4", null);
		UUID evening = initiate("evening.mp4", "2026-11-01T20:00:00Z");
		UUID yesterday = initiate("yesterday.mp4", "2026-10-31T23:59:59Z");

		JsonNode all = list("");
		assertThat(ids(all)).containsExactly(evening, noon, morning, yesterday, unknownTime);
		assertThat(all.path("total").asLong()).isEqualTo(5);
		assertThat(all.path("limit").asInt()).isEqualTo(50);
		assertThat(all.path("offset").asLong()).isZero();
		JsonNode first = all.path("videos").get(0);
		assertThat(first.path("filename").asString()).isEqualTo("evening.mp4");
		assertThat(first.path("mall_id").asString()).isEqualTo(mallId.toString());
		assertThat(first.path("pin_name").asString()).startsWith("Pin-");
		assertThat(first.path("mall_name").asString()).startsWith("Mall-");
		assertThat(first.path("upload_status").asString()).isEqualTo("uploading");
		assertThat(first.path("has_proxy").asBoolean()).isFalse();
		assertThat(first.has("poster_url")).isTrue();
		assertThat(first.path("poster_url").isNull()).isTrue();

		assertThat(ids(list("?limit=2"))).containsExactly(evening, noon);
		assertThat(ids(list("?limit=2&offset=2"))).containsExactly(morning, yesterday);
		JsonNode last = list("?limit=2&offset=4");
		assertThat(ids(last)).containsExactly(unknownTime);
		assertThat(last.path("total").asLong()).isEqualTo(5);
		JsonNode beyond = list("?offset=9000000000000");
		assertThat(beyond.path("videos").size()).isZero();
		assertThat(beyond.path("total").asLong()).isEqualTo(5);
	}

	@Test
	void fromToAndStatusFilter() {
		initiate("early.mp4", "2026-11-02T06:00:00Z");
		UUID inside = initiate("inside.mp4", "2026-11-02T09:30:00Z");
		UUID atStart = initiate("at-start.mp4", "2026-11-02T09:00:00Z");
		initiate("at-end.mp4", "2026-11-02T10:00:00Z");
		UUID uploaded = UUID.fromString(uploads.uploadWhole(TestVideos.small("listed", 320, 240, false)).text("video_id"));

		assertThat(ids(list("?from=2026-11-02T09:00:00Z&to=2026-11-02T10:00:00Z"))).containsExactly(inside, atStart);
		assertThat(list("?from=2026-11-02T09:00:00Z").path("total").asLong()).isEqualTo(3);
		assertThat(list("?to=2026-11-02T09:00:00Z").path("total").asLong()).as("early.mp4 and the upload recorded on 30 October").isEqualTo(2);
		assertThat(list("?status=uploading").path("total").asLong()).isEqualTo(4);
		assertThat(ids(list("?status=uploaded"))).containsExactly(uploaded);
		assertThat(ids(list("?status=queued"))).as("handed to the queue; no worker runs here").containsExactly(uploaded);
		assertThat(list("?status=pending").path("total").asLong()).isZero();
		assertThat(list("?status=completed").path("total").asLong()).isZero();
		assertThat(list("?status=failed").path("total").asLong()).isZero();
		assertThat(list("?status=uploading&from=2026-11-02T09:00:00Z&limit=1").path("videos").size()).isOne();
	}

	@Test
	void badListParametersAre400WithASentence() {
		Map<String, String> cases = new HashMap<>();
		cases.put("?status=done", "status must be one of");
		cases.put("?from=yesterday", "from must be an ISO-8601 instant");
		cases.put("?to=2026-13-01T00:00:00Z", "to must be an ISO-8601 instant");
		cases.put("?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z", "from must be earlier than to");
		cases.put("?from=%2B1000000000-01-01T00:00:00Z", "from must be an ISO-8601 instant between 1970 and 2200");
		cases.put("?to=-1000000000-01-01T00:00:00Z", "to must be an ISO-8601 instant between 1970 and 2200");
		cases.put("?to=2200-01-01T00:00:00Z", "to must be an ISO-8601 instant between 1970 and 2200");
		cases.put("?from=1e300", "from must be an ISO-8601 instant");
		cases.put("?limit=0", "limit must be between 1 and 200");
		cases.put("?limit=201", "limit must be between 1 and 200");
		cases.put("?limit=99999999999", "limit");
		cases.put("?limit=ten", "limit");
		cases.put("?offset=-1", "offset must be 0 or more");
		cases.put("?offset=1e3", "offset");
		cases.forEach((query, expected) -> {
			ApiResponse response = api.get(listPath(mallId, pinId) + query, admin);
			assertThat(response.status()).as(query).isEqualTo(400);
			assertThat(response.header("Content-Type")).as(query).isEqualTo("application/problem+json");
			assertThat(response.detail()).as(query).contains(expected);
		});
	}

	@Test
	void otherMallsPinsAndVideosAre404AndAViewerCannotDelete() {
		UUID otherMall = api.createMall(admin);
		UUID otherPin = api.createPin(admin, otherMall);
		UUID video = initiate("private.mp4", "2026-11-03T10:00:00Z");
		String outsider = api.tokenFor(admin, "OPERATOR", otherMall);
		String viewer = api.tokenFor(admin, "VIEWER", mallId);

		assertThat(api.get(listPath(mallId, pinId), outsider).status()).isEqualTo(404);
		assertThat(api.get(listPath(mallId, otherPin), admin).status()).isEqualTo(404);
		assertThat(api.get(listPath(UUID.randomUUID(), pinId), admin).status()).isEqualTo(404);
		assertThat(api.get(listPath(mallId, pinId), null).status()).isEqualTo(401);
		assertThat(api.get("/api/videos/" + video, outsider).status()).isEqualTo(404);
		assertThat(api.get("/api/videos/" + video + "/stream-url", outsider).status()).isEqualTo(404);
		assertThat(api.delete("/api/videos/" + video, outsider).status()).isEqualTo(404);
		assertThat(api.get(listPath(mallId, pinId), viewer).status()).isEqualTo(200);

		ApiResponse viewerDelete = api.delete("/api/videos/" + video, viewer);
		assertThat(viewerDelete.status()).isEqualTo(403);
		assertThat(viewerDelete.detail()).isNotBlank();
		assertThat(api.get("/api/videos/" + video, admin).status()).isEqualTo(200);
		assertThat(api.delete("/api/videos/not-a-uuid", admin).status()).isEqualTo(400);
		assertThat(api.delete("/api/videos/" + UUID.randomUUID(), admin).status()).isEqualTo(404);
	}

	@Test
	void anOperatorDeletesAnUploadInProgressAndItsMultipartUploadIsAborted() {
		String operator = api.tokenFor(admin, "OPERATOR", mallId);
		UUID video = initiate("half-way.mp4", "2026-11-04T10:00:00Z");
		String key = mallId + "/" + pinId + "/" + video + "/original.mp4";
		assertThat(pendingUploadKeys()).contains(key);

		assertThat(api.delete("/api/videos/" + video, operator).status()).isEqualTo(204);

		assertThat(pendingUploadKeys()).doesNotContain(key);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM videos WHERE id = ?").param(video).query(Long.class).single()).isZero();
		assertThat(ids(list(""))).doesNotContain(video);
		assertThat(api.post(uploads.path("/" + video + "/parts"), admin, Map.of("part_numbers", List.of(1))).status())
			.isEqualTo(404);
	}

	@Test
	void streamUrlSaysWhyAVideoCannotBePlayedYet() {
		UUID uploading = initiate("not-yet.mp4", "2026-11-05T10:00:00Z");
		UUID waiting = UUID.fromString(uploads.uploadWhole(TestVideos.small("waiting", 320, 240, true)).text("video_id"));

		ApiResponse duringUpload = api.get("/api/videos/" + uploading + "/stream-url", admin);
		assertThat(duringUpload.status()).isEqualTo(409);
		assertThat(duringUpload.detail()).contains("still being uploaded");
		ApiResponse beforeProcessing = api.get("/api/videos/" + waiting + "/stream-url", admin);
		assertThat(beforeProcessing.status()).isEqualTo(409);
		assertThat(beforeProcessing.detail()).contains("waiting for its playable proxy");
		assertThat(api.get("/api/videos/" + UUID.randomUUID() + "/stream-url", admin).status()).isEqualTo(404);
		assertThat(api.get("/api/videos/" + waiting + "/stream-url", null).status()).isEqualTo(401);
	}

	private UUID initiate(String filename, String recordedAt) {
		Map<String, Object> metadata = new HashMap<>();
		metadata.put("operator_notes", "listed by the test");
		if (recordedAt != null) {
			metadata.put("recorded_at", recordedAt);
		}
		String checksum = TestVideos.sha256Of(UUID.randomUUID().toString());
		ApiResponse response = api.post(uploads.path("/initiate"), admin,
				Map.of("filename", filename, "file_size_bytes", 1_000_000, "checksum_sha256", checksum, "metadata", metadata));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return UUID.fromString(response.text("video_id"));
	}

	private JsonNode list(String query) {
		ApiResponse response = api.get(listPath(mallId, pinId) + query, admin);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.body();
	}

	private static String listPath(UUID mall, UUID pin) {
		return "/api/malls/" + mall + "/pins/" + pin + "/videos";
	}

	private static List<UUID> ids(JsonNode list) {
		return StreamSupport.stream(list.path("videos").spliterator(), false)
			.map(video -> UUID.fromString(video.path("id").asString()))
			.toList();
	}

	private List<String> pendingUploadKeys() {
		return multipart.listPending().stream().map(upload -> upload.key()).toList();
	}

}
