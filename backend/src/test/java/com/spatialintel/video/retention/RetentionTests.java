package com.spatialintel.video.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.spatialintel.video.database.ClusterLock;
import com.spatialintel.video.testing.ApiClient;
import com.spatialintel.video.testing.ApiResponse;
import com.spatialintel.video.testing.IntegrationTest;
import com.spatialintel.video.testing.Rows;
import com.spatialintel.video.testing.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention per mall with legal holds: the preview is what the run deletes; held videos and windows
 * survive and are counted; without a recording time the upload time counts; other malls are
 * untouched; each deletion is audited; a run does nothing while another node runs it; overdue holds
 * are announced once a run.
 */
@IntegrationTest
@RecordApplicationEvents
class RetentionTests {

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		String url = TestDatabase.createForSession("siv_retention");
		registry.add("spring.datasource.url", () -> url);
	}

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RetentionRun retention;

	@Autowired
	ClusterLock locks;

	@Autowired
	MeterRegistry meters;

	@Autowired
	ApplicationEvents events;

	@Test
	void thePreviewIsWhatTheRunDeletesAndHoldsKeepTheirFootage() {
		String admin = api.adminToken();
		UUID mall = api.createMall(admin);
		UUID pin = api.createPin(admin, mall);
		UUID untouchedMall = api.createMall(admin);
		UUID untouchedPin = api.createPin(admin, untouchedMall);
		Instant now = Instant.now();
		Rows rows = new Rows(jdbc, Clock.systemUTC());
		Rows longAgo = new Rows(jdbc, Clock.fixed(now.minus(Duration.ofDays(40)), ZoneOffset.UTC));
		UUID old = rows.video(mall, pin).recorded(now.minus(Duration.ofDays(40)), 60.0).processed().insert();
		UUID untimed = longAgo.video(mall, pin).insert();
		UUID recent = rows.video(mall, pin).recorded(now.minus(Duration.ofDays(5)), 60.0).processed().insert();
		UUID heldVideo = rows.video(mall, pin).recorded(now.minus(Duration.ofDays(45)), 60.0).processed().insert();
		UUID inWindow = rows.video(mall, pin).recorded(now.minus(Duration.ofDays(50)), 600.0).processed().insert();
		UUID otherMalls = rows.video(untouchedMall, untouchedPin).recorded(now.minus(Duration.ofDays(400)), 60.0).insert();

		assertThat(api.put("/api/admin/retention/malls/" + mall, admin, Map.of("retention_days", 30)).status()).isEqualTo(200);
		assertThat(api.put("/api/admin/retention/malls/" + mall, admin, Map.of("retention_days", 0)).status()).isEqualTo(400);
		assertThat(api.put("/api/admin/retention/malls/" + mall, admin, Map.of("retention_days", 3651)).status()).isEqualTo(400);
		ApiResponse videoHold = api.post("/api/admin/holds", admin, Map.of("video_id", heldVideo, "reason",
				"Police request 2026/114", "review_on", LocalDate.now().plusDays(30).toString()));
		assertThat(videoHold.status()).as(videoHold.toString()).isEqualTo(201);
		ApiResponse windowHold = api.post("/api/admin/holds", admin, Map.of("pin_id", pin, "from",
				now.minus(Duration.ofDays(50)).plusSeconds(300).toString(), "to", now.minus(Duration.ofDays(49)).toString(),
				"reason", "Insurance claim", "review_on", LocalDate.now().plusDays(7).toString()));
		assertThat(windowHold.status()).as(windowHold.toString()).isEqualTo(201);

		JsonNode preview = api.get("/api/admin/retention/preview?mall_id=" + mall, admin).body();
		assertThat(ids(preview.path("videos"), "video_id")).containsExactlyInAnyOrder(old, untimed);
		assertThat(preview.path("count").asLong()).isEqualTo(2);
		assertThat(preview.path("total_bytes").asLong()).isEqualTo(2_000_000);
		assertThat(ids(preview.path("held"), "video_id")).containsExactlyInAnyOrder(heldVideo, inWindow);

		ApiResponse refused = api.delete("/api/videos/" + heldVideo, admin);
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.detail()).contains("legal hold " + videoHold.text("id")).contains("Police request 2026/114");
		assertThat(api.get("/api/videos/" + heldVideo + "/holds", admin).body().path("holds").get(0).path("reason").asString())
			.isEqualTo("Police request 2026/114");

		Optional<RetentionRun.Report> report = retention.run();
		assertThat(report).isPresent();
		var ran = report.get().malls().stream().filter(mallRun -> mallRun.mallId().equals(mall)).findFirst().orElseThrow();
		assertThat(ran.deleted()).isEqualTo(2);
		assertThat(ran.held()).isEqualTo(2);
		for (UUID gone : List.of(old, untimed)) {
			assertThat(api.get("/api/videos/" + gone, admin).status()).isEqualTo(404);
		}
		for (UUID kept : List.of(recent, heldVideo, inWindow, otherMalls)) {
			assertThat(api.get("/api/videos/" + kept, admin).status()).isEqualTo(200);
		}
		JsonNode audit = api.get("/api/admin/audit?action=retention.delete&mall_id=" + mall, admin).body();
		assertThat(ids(audit.path("entries"), "video_id")).containsExactlyInAnyOrder(old, untimed);
		audit.path("entries").forEach(entry -> assertThat(entry.path("detail").path("sha256").asString()).hasSize(64));
		assertThat(api.get("/api/admin/audit?action=hold.placed&mall_id=" + mall, admin).body().path("total").asLong()).isEqualTo(2);
		assertThat(api.get("/api/admin/retention/preview?mall_id=" + mall, admin).body().path("count").asLong()).isZero();

		ApiResponse lifted = api.delete("/api/admin/holds/" + videoHold.text("id"), admin);
		assertThat(lifted.status()).isEqualTo(200);
		assertThat(lifted.body().path("active").asBoolean()).isFalse();
		assertThat(api.delete("/api/admin/holds/" + videoHold.text("id"), admin).status()).isEqualTo(200);
		assertThat(api.get("/api/admin/audit?action=hold.lifted&mall_id=" + mall, admin).body().path("total").asLong()).isEqualTo(1);
		assertThat(ids(api.get("/api/admin/retention/preview?mall_id=" + mall, admin).body().path("videos"), "video_id"))
			.containsExactly(heldVideo);
		assertThat(meters.counter("retention.deleted").count()).isGreaterThanOrEqualTo(2);
		assertThat(meters.counter("retention.held").count()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void badHoldsAre400AndOnlyAdminsPlaceThem() {
		String admin = api.adminToken();
		UUID mall = api.createMall(admin);
		UUID pin = api.createPin(admin, mall);
		UUID video = new Rows(jdbc, Clock.systemUTC()).video(mall, pin).insert();
		String tomorrow = LocalDate.now().plusDays(1).toString();

		assertThat(api.post("/api/admin/holds", admin, Map.of("video_id", video, "pin_id", pin, "reason", "x", "review_on",
				tomorrow)).detail()).startsWith("A hold is on one video (video_id) or on a pin over a time window");
		assertThat(api.post("/api/admin/holds", admin, Map.of("reason", "x", "review_on", tomorrow)).status()).isEqualTo(400);
		assertThat(api.post("/api/admin/holds", admin, Map.of("pin_id", pin, "reason", "x", "review_on", tomorrow)).detail())
			.isEqualTo("A hold on a pin needs from earlier than to (ISO-8601 instants).");
		assertThat(api.post("/api/admin/holds", admin, Map.of("video_id", video, "reason", "x", "review_on", "2020-01-01"))
			.detail()).isEqualTo("review_on must be today or later, not 2020-01-01.");
		assertThat(api.post("/api/admin/holds", admin, Map.of("video_id", video, "reason", " ", "review_on", tomorrow)).status())
			.isEqualTo(400);
		assertThat(api.post("/api/admin/holds", admin, Map.of("video_id", UUID.randomUUID(), "reason", "x", "review_on", tomorrow))
			.status()).isEqualTo(404);
		String operator = api.tokenFor(admin, "OPERATOR", mall);
		assertThat(api.post("/api/admin/holds", operator, Map.of("video_id", video, "reason", "x", "review_on", tomorrow)).status())
			.isEqualTo(403);
		assertThat(api.put("/api/admin/retention/malls/" + mall, operator, Map.of("retention_days", 30)).status()).isEqualTo(403);
		assertThat(api.get("/api/admin/retention/preview?mall_id=" + mall, operator).status()).isEqualTo(403);
		assertThat(api.get("/api/videos/" + video + "/holds", operator).body().path("holds").size()).isZero();
	}

	@Test
	void theRunHappensOnceWhileAnotherNodeRunsIt() {
		// another node runs it: it holds the lease
		Optional<String> otherNode = locks.tryLock(RetentionRun.LOCK, Duration.ofMinutes(5));
		assertThat(otherNode).isPresent();
		try {
			assertThat(retention.run()).isEmpty();
		}
		finally {
			locks.unlock(RetentionRun.LOCK, otherNode.get());
		}
		List<CompletableFuture<Optional<RetentionRun.Report>>> runs = new ArrayList<>();
		for (int node = 0; node < 4; node++) {
			runs.add(CompletableFuture.supplyAsync(retention::run));
		}
		assertThat(runs.stream().map(CompletableFuture::join).filter(Optional::isPresent).count()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void holdsPastTheirReviewDateAreAnnouncedOnceARun() {
		String admin = api.adminToken();
		UUID mall = api.createMall(admin);
		UUID pin = api.createPin(admin, mall);
		UUID video = new Rows(jdbc, Clock.systemUTC()).video(mall, pin).insert();
		ApiResponse placed = api.post("/api/admin/holds", admin, Map.of("video_id", video, "reason", "Court order 77",
				"review_on", LocalDate.now().toString()));
		// a year on, nobody reviewed it
		jdbc.sql("UPDATE legal_holds SET review_on = ? WHERE id = ?")
			.params(java.sql.Date.valueOf(LocalDate.now().minusDays(1)), UUID.fromString(placed.text("id")))
			.update();
		events.clear();

		assertThat(retention.run()).isPresent();

		List<HoldEvents.HoldsOverdue> announced = events.stream(HoldEvents.HoldsOverdue.class).toList();
		assertThat(announced).hasSize(1);
		assertThat(announced.get(0).holds()).anySatisfy(hold -> {
			assertThat(hold.holdId()).isEqualTo(UUID.fromString(placed.text("id")));
			assertThat(hold.reason()).isEqualTo("Court order 77");
		});
	}

	private static List<UUID> ids(JsonNode list, String field) {
		List<UUID> ids = new ArrayList<>();
		list.forEach(item -> ids.add(UUID.fromString(item.path(field).asString())));
		return ids;
	}

}
