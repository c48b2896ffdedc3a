package com.spatialintel.video.motion;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.spatialintel.video.storage.ObjectStorage;
import com.spatialintel.video.testing.ApiResponse;
import com.spatialintel.video.testing.IntegrationTest;
import com.spatialintel.video.testing.Jobs;
import com.spatialintel.video.testing.TenantFixture;
import com.spatialintel.video.testing.TestDatabase;
import com.spatialintel.video.testing.TestVideos;
import com.spatialintel.video.video.VideoFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Motion indexes made by the real proxy job from a clip made here: a still, noisy grey frame in
 * which a light box moves in the top left corner from 5 to 8 s and from 20 to 21 s, and the whole
 * frame brightens at 12 s. Searched, read as activity, deleted and built again.
 */
@IntegrationTest
@TestPropertySource(properties = "APP_ROLE=all")
class MotionSearchTests extends TenantFixture {

	/** Where the box moves: x 30–210 px of 640, y 40–100 px of 360. */
	private static final Map<String, Object> CORNER = region(0, 0, 0.4, 0.35);

	private static final Map<String, Object> ELSEWHERE = region(0.5, 0.5, 0.5, 0.5);

	private static final String RECORDED_AT = "2026-11-30T10:00:00Z";

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		String url = TestDatabase.createForSession("siv_motion");
		registry.add("spring.datasource.url", () -> url);
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectStorage storage;

	@Autowired
	MotionIndexes indexes;

	private UUID videoId;

	static Path clip() {
		return TestVideos.custom("motion-events-2", "-f", "lavfi", "-i", "color=c=0x808080:s=640x360:r=25:d=30", "-f", "lavfi", "-i",
				"color=c=0xC8C8C8:s=60x60:r=25:d=30", "-filter_complex",
				"[0:v][1:v]overlay=x='30+60*(1+sin(t*4))':y=40:enable='between(t,5,8)+between(t,20,21)',"
						+ "eq=brightness=0.2:enable='gte(t,12)',noise=alls=16:allf=t",
				"-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p");
	}

	@BeforeEach
	void processed() {
		ApiResponse completed = uploads.uploadWhole(clip(), RECORDED_AT);
		assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
		JsonNode job = Jobs.await(api, admin, UUID.fromString(completed.text("job_id")), Jobs::isFinal);
		assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("completed");
		videoId = UUID.fromString(job.path("video_id").asString());
		assertThat(job.path("result_data").path("motion_index_bytes").asLong()).isPositive();
	}

	@Test
	void theCornerHasExactlyTheTwoEventsTheBrightnessStepIsNoneAndElsewhereHasNothing() {
		JsonNode corner = search(List.of(CORNER), 50, 1);
		List<double[]> hits = new ArrayList<>();
		corner.path("hits").forEach(hit -> hits.add(new double[] { hit.path("offset_seconds").asDouble(),
				seconds(hit.path("end").asString()) }));
		assertThat(hits).as(corner.toString()).hasSize(2);
		assertThat(hits.get(0)[0]).isBetween(4.0, 6.0);
		assertThat(hits.get(0)[1]).isBetween(7.0, 10.0);
		assertThat(hits.get(1)[0]).isBetween(19.0, 21.0);
		assertThat(hits.get(1)[1]).isBetween(21.0, 23.0);
		assertThat(corner.path("hits").get(0).path("video_id").asString()).isEqualTo(videoId.toString());
		assertThat(corner.path("hits").get(0).path("start").asString()).startsWith("2026-11-30T10:00:0");
		assertThat(corner.path("scanned_seconds").asLong()).isEqualTo(30);
		assertThat(corner.path("videos_without_index").asInt()).isZero();

		assertThat(search(List.of(ELSEWHERE), 50, 1).path("hits")).as("nothing moves there").isEmpty();
		JsonNode whole = search(List.of(region(0, 0, 1, 1)), 50, 1);
		assertThat(whole.path("hits")).as("the brightness step at 12 s is not motion: " + whole).hasSize(2);

		JsonNode activity = api.get("/api/videos/" + videoId + "/activity", admin).body();
		assertThat(activity.path("has_index").asBoolean()).isTrue();
		assertThat(activity.path("seconds").asInt()).isEqualTo(30);
		assertThat(activity.path("activity").get(6).asInt()).as(activity.toString()).isGreaterThan(100);
		assertThat(activity.path("activity").get(12).asInt()).as(activity.toString()).isLessThan(Sensitivity.threshold(50));
	}

	@Test
	void sensitivityAndTheShortestMotionChangeWhatIsFound() {
		assertThat(search(List.of(CORNER), 5, 1).path("hits")).as("only the strongest change counts").isEmpty();
		assertThat(search(List.of(CORNER), 50, 3).path("hits")).as("the 1 s event is shorter than 3 s").hasSize(1);
		assertThat(search(List.of(CORNER, ELSEWHERE), 50, 1).path("hits")).hasSize(2);

		JsonNode activity = api.get("/api/malls/" + mallId + "/pins/" + pinId + "/activity?from=2026-11-30T10:00:00Z&to=2026-11-30T10:01:00Z&buckets=12",
				admin).body();
		assertThat(activity.path("bucket_seconds").asDouble()).isEqualTo(5.0);
		assertThat(activity.path("activity").get(1).asInt()).as("5–10 s").isGreaterThan(100);
		assertThat(activity.path("activity").get(7).isNull()).as("past the clip's end").isTrue();
	}

	@Test
	void badBodiesAndOtherMallsAreRefused() {
		String path = "/api/malls/" + mallId + "/pins/" + pinId + "/motion-search";
		Map<String, Object> ok = body(List.of(CORNER), 50, 1);
		assertThat(api.post(path, admin, ok).status()).isEqualTo(200);
		assertThat(detail(path, with(ok, "regions", List.of()))).isEqualTo("Give 1 to 8 regions, not 0.");
		List<Object> nine = new ArrayList<>();
		for (int i = 0; i < 9; i++) {
			nine.add(CORNER);
		}
		assertThat(detail(path, with(ok, "regions", nine))).isEqualTo("Give 1 to 8 regions, not 9.");
		assertThat(detail(path, with(ok, "regions", List.of(region(1.2, 0, 0.1, 0.1))))).startsWith("Region 1 starts outside the frame");
		assertThat(detail(path, with(ok, "regions", List.of(region(0.5, 0.5, 0, 0.1))))).startsWith("Region 1 has no area");
		assertThat(detail(path, with(ok, "regions", List.of(CORNER, region(0.8, 0.8, 0.3, 0.1))))).startsWith("Region 2 reaches outside");
		assertThat(api.post(path, admin, with(ok, "sensitivity", 0)).status()).isEqualTo(400);
		assertThat(api.post(path, admin, with(ok, "sensitivity", 101)).status()).isEqualTo(400);
		assertThat(detail(path, with(ok, "to", "2026-11-29T00:00:00Z"))).startsWith("to (2026-11-29T00:00:00Z) must be after from");
		assertThat(detail(path, with(ok, "to", "2027-01-30T00:00:00Z"))).startsWith("A window covers at most 31 days");
		assertThat(api.post(path, admin, with(ok, "from", "yesterday")).status()).isEqualTo(400);
		assertThat(api.get("/api/malls/" + mallId + "/pins/" + pinId + "/activity?from=2026-11-30T10:00:00Z&to=2026-11-30T11:00:00Z&buckets=2001",
				admin).status()).isEqualTo(400);

		UUID otherMall = api.createMall(admin);
		String stranger = api.tokenFor(admin, "VIEWER", otherMall);
		assertThat(api.post(path, stranger, ok).status()).isEqualTo(404);
		assertThat(api.get("/api/videos/" + videoId + "/activity", stranger).status()).isEqualTo(404);
		assertThat(api.post("/api/malls/" + otherMall + "/pins/" + pinId + "/motion-search", admin, ok).status()).isEqualTo(404);
		assertThat(api.post(path, api.tokenFor(admin, "VIEWER", mallId), ok).status()).as("viewers may search").isEqualTo(200);
	}

	@Test
	void theAdminActionBuildsAMissingIndexReprocessRebuildsItAndDeleteRemovesIt() {
		String key = new VideoFiles(mallId, pinId, videoId).motion();
		jdbc.sql("DELETE FROM motion_indexes").update();
		storage.delete(key);
		indexes.forgetCached();
		JsonNode without = search(List.of(CORNER), 50, 1);
		assertThat(without.path("videos_without_index").asInt()).isEqualTo(1);
		assertThat(without.path("hits")).isEmpty();
		assertThat(api.get("/api/videos/" + videoId + "/activity", admin).body().path("has_index").asBoolean()).isFalse();

		assertThat(api.post("/api/admin/motion-indexes", api.tokenFor(admin, "OPERATOR", mallId), Map.of()).status()).isEqualTo(403);
		ApiResponse queued = api.post("/api/admin/motion-indexes", admin, Map.of());
		assertThat(queued.status()).isEqualTo(202);
		assertThat(queued.body().path("queued").asInt()).isEqualTo(1);
		await().atMost(Duration.ofSeconds(60)).until(() -> search(List.of(CORNER), 50, 1).path("hits").size() == 2);
		JsonNode jobs = api.get("/api/analysis/jobs?video_id=" + videoId, admin).body();
		assertThat(jdbc.sql("SELECT count(*) FROM processing_jobs WHERE video_id = ? AND job_type = 'motion_index' AND status = 'completed'")
			.param(videoId).query(Long.class).single()).as(String.valueOf(jobs)).isEqualTo(1);

		java.time.Instant built = jdbc.sql("SELECT created_at FROM motion_indexes WHERE video_id = ?").param(videoId)
			.query(java.time.OffsetDateTime.class).single().toInstant();
		JsonNode reprocessed = api.post("/api/videos/" + videoId + "/reprocess", admin, Map.of()).body();
		Jobs.await(api, admin, UUID.fromString(reprocessed.path("job_id").asString()), Jobs::isFinal);
		assertThat(jdbc.sql("SELECT created_at FROM motion_indexes WHERE video_id = ?").param(videoId)
			.query(java.time.OffsetDateTime.class).single().toInstant()).isAfter(built);

		assertThat(storage.head(key)).isPresent();
		assertThat(api.delete("/api/videos/" + videoId, admin).status()).isEqualTo(204);
		assertThat(storage.head(key)).as("motion.bin goes with the video").isEmpty();
		assertThat(jdbc.sql("SELECT count(*) FROM motion_indexes WHERE video_id = ?").param(videoId).query(Long.class).single()).isZero();
	}

	private JsonNode search(List<Map<String, Object>> regions, int sensitivity, int minSeconds) {
		ApiResponse answer = api.post("/api/malls/" + mallId + "/pins/" + pinId + "/motion-search", admin,
				body(regions, sensitivity, minSeconds));
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		return answer.body();
	}

	private static Map<String, Object> body(List<?> regions, int sensitivity, int minSeconds) {
		return Map.of("from", "2026-11-30T00:00:00Z", "to", "2026-12-01T00:00:00Z", "regions", regions, "sensitivity", sensitivity,
				"min_seconds", minSeconds);
	}

	private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
		Map<String, Object> changed = new java.util.HashMap<>(body);
		changed.put(key, value);
		return changed;
	}

	private String detail(String path, Map<String, Object> body) {
		ApiResponse answer = api.post(path, admin, body);
		assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
		return answer.detail();
	}

	private static Map<String, Object> region(double x, double y, double width, double height) {
		return Map.of("x", x, "y", y, "width", width, "height", height);
	}

	private static double seconds(String instant) {
		return Duration.between(java.time.Instant.parse(RECORDED_AT), java.time.Instant.parse(instant)).toMillis() / 1000.0;
	}

}
