package com.spatialintel.video.timeline;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.spatialintel.video.testing.ApiResponse;
import com.spatialintel.video.testing.IntegrationTest;
import com.spatialintel.video.testing.Rows;
import com.spatialintel.video.testing.TenantFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timeline of a pin and of a mall: clips overlapping the window's edges, real gaps, overlapping
 * clips, clips without a time left out and counted, unprocessed clips marked, the mall's local
 * day across DST, the 400s of a bad window and the 404s of the listing.
 */
@IntegrationTest
class TimelineTests extends TenantFixture {

	@Autowired
	JdbcClient jdbc;

	private Rows rows;

	@BeforeEach
	void rows() {
		rows = new Rows(jdbc, Clock.systemUTC());
	}

	@Test
	void aWindowHoldsTheClipsThatOverlapItWithItsGaps() {
		UUID acrossStart = clip("2026-11-02T09:59:30Z", 60, true);
		UUID consecutive = clip("2026-11-02T10:00:30Z", 600, false);
		UUID afterGap = clip("2026-11-02T10:30:00Z", 600, true);
		UUID overlapping = clip("2026-11-02T10:35:00Z", 900, true);
		UUID acrossEnd = clip("2026-11-02T10:55:00Z", 600, true);
		clip("2026-11-02T11:00:00Z", 600, true);
		clip("2026-11-02T09:00:00Z", 600, true);
		rows.video(mallId, pinId).recorded(null, null).insert();
		rows.video(mallId, pinId).recorded(Instant.parse("2026-11-02T10:20:00Z"), null).insert();
		UUID failed = rows.video(mallId, pinId).recorded(Instant.parse("2026-11-02T10:52:00Z"), 60.0).failed().insert();

		JsonNode timeline = pinTimeline("from=2026-11-02T10:00:00Z&to=2026-11-02T11:00:00Z");

		assertThat(timeline.path("from").asString()).isEqualTo("2026-11-02T10:00:00Z");
		assertThat(timeline.path("to").asString()).isEqualTo("2026-11-02T11:00:00Z");
		assertThat(timeline.path("time_zone").asString()).isEqualTo("UTC");
		assertThat(ids(timeline.path("clips"))).containsExactly(acrossStart, consecutive, afterGap, overlapping, failed,
				acrossEnd);
		JsonNode first = timeline.path("clips").get(0);
		assertThat(first.path("start").asString()).isEqualTo("2026-11-02T09:59:30Z");
		assertThat(first.path("end").asString()).isEqualTo("2026-11-02T10:00:30Z");
		assertThat(first.path("has_proxy").asBoolean()).isTrue();
		assertThat(first.path("processing_status").asString()).isEqualTo("completed");
		assertThat(first.path("poster_url").asString()).startsWith("/api/videos/" + acrossStart + "/poster?expires=");
		JsonNode pending = timeline.path("clips").get(1);
		assertThat(pending.path("has_proxy").asBoolean()).isFalse();
		assertThat(pending.path("processing_status").asString()).isEqualTo("pending");
		assertThat(pending.path("poster_url").isNull() || pending.path("poster_url").isMissingNode()).isTrue();
		assertThat(timeline.path("clips").get(4).path("processing_status").asString()).isEqualTo("failed");
		assertThat(spans(timeline.path("gaps"))).containsExactly("2026-11-02T10:10:30Z/2026-11-02T10:30:00Z",
				"2026-11-02T10:50:00Z/2026-11-02T10:52:00Z", "2026-11-02T10:53:00Z/2026-11-02T10:55:00Z");
		assertThat(timeline.path("untimed_count").asLong()).isEqualTo(2);
		assertThat(timeline.path("truncated").asBoolean()).isFalse();
	}

	@Test
	void aLongClipThatStartedHoursBeforeTheWindowIsInIt() {
		UUID night = clip("2026-11-02T07:30:00Z", 3 * 3600, true);
		clip("2026-11-02T07:00:00Z", 60, true);

		JsonNode timeline = pinTimeline("from=2026-11-02T10:00:00Z&to=2026-11-02T11:00:00Z");

		assertThat(ids(timeline.path("clips"))).containsExactly(night);
		assertThat(spans(timeline.path("gaps"))).containsExactly("2026-11-02T10:30:00Z/2026-11-02T11:00:00Z");
	}

	@Test
	void anEmptyWindowIsOneGapUpToNowNotBeyond() {
		JsonNode past = pinTimeline("from=2026-11-02T10:00:00Z&to=2026-11-02T11:00:00Z");
		assertThat(past.path("clips").size()).isZero();
		assertThat(spans(past.path("gaps"))).containsExactly("2026-11-02T10:00:00Z/2026-11-02T11:00:00Z");

		JsonNode future = pinTimeline("from=2199-01-01T00:00:00Z&to=2199-01-02T00:00:00Z");
		assertThat(future.path("gaps").size()).isZero();
	}

	@Test
	void theMallsLocalDayIs23Or25HoursAcrossDst() {
		zone("Europe/Berlin");
		assertDay("2026-03-29", "2026-03-28T23:00:00Z", "2026-03-29T22:00:00Z");
		assertDay("2026-10-25", "2026-10-24T22:00:00Z", "2026-10-25T23:00:00Z");
		assertDay("2026-11-02", "2026-11-01T23:00:00Z", "2026-11-02T23:00:00Z");
		// 02:30 happens twice on 2026-10-25 in Berlin (CEST, then CET): both are of that day
		UUID firstTwoThirty = clip("2026-10-25T00:30:00Z", 60, true);
		UUID secondTwoThirty = clip("2026-10-25T01:30:00Z", 60, true);
		JsonNode day = pinTimeline("date=2026-10-25");
		assertThat(ids(day.path("clips"))).containsExactly(firstTwoThirty, secondTwoThirty);
		assertThat(day.path("time_zone").asString()).isEqualTo("Europe/Berlin");

		zone("America/New_York");
		assertDay("2026-03-08", "2026-03-08T05:00:00Z", "2026-03-09T04:00:00Z");
		assertDay("2026-11-01", "2026-11-01T04:00:00Z", "2026-11-02T05:00:00Z");
	}

	@Test
	void badWindowsAre400WithASentence() {
		String path = "/api/malls/" + mallId + "/pins/" + pinId + "/timeline?";
		assertRefused(path + "from=2026-11-02T11:00:00Z&to=2026-11-02T10:00:00Z", "from must be earlier than to.");
		assertRefused(path + "from=2026-11-02T10:00:00Z&to=2026-11-02T10:00:00Z", "from must be earlier than to.");
		assertRefused(path + "from=2026-10-01T00:00:00Z&to=2026-11-02T00:00:00Z", "A timeline covers at most 31 days");
		assertRefused(path + "from=yesterday&to=2026-11-02T10:00:00Z", "from must be an ISO-8601 instant");
		assertRefused(path + "from=2026-11-02T10:00:00Z&to=1e300", "to must be an ISO-8601 instant");
		assertRefused(path + "from=2026-11-02T10:00:00&to=2026-11-02T11:00:00Z", "from must be an ISO-8601 instant");
		assertRefused(path + "date=2026-02-30", "date must be a day such as 2026-11-01");
		assertRefused(path + "date=99999-01-01", "date must be a day such as 2026-11-01");
		assertRefused(path + "date=2026-11-02&from=2026-11-02T10:00:00Z", "Give either date or from and to");
		assertRefused(path + "from=2026-11-02T10:00:00Z", "Give from and to");
		assertRefused(path, "Give from and to");
		assertThat(api.get(path + "date=2026-11-02", null).status()).isEqualTo(401);
	}

	@Test
	void anotherMallsPinsAndTimelinesAre404AndTheMallViewHasItsOwnPinsOnly() {
		UUID secondPin = api.createPin(admin, mallId);
		UUID otherMall = api.createMall(admin);
		UUID otherPin = api.createPin(admin, otherMall);
		String viewer = api.tokenFor(admin, "VIEWER", mallId);
		clip("2026-11-02T10:00:00Z", 60, true);

		ApiResponse mall = api.get("/api/malls/" + mallId + "/timeline?date=2026-11-02", viewer);
		assertThat(mall.status()).as(mall.toString()).isEqualTo(200);
		List<UUID> lanes = new ArrayList<>();
		mall.body().path("pins").forEach(lane -> lanes.add(UUID.fromString(lane.path("pin_id").asString())));
		assertThat(lanes).containsExactlyInAnyOrder(pinId, secondPin);
		for (JsonNode lane : mall.body().path("pins")) {
			int expected = lane.path("pin_id").asString().equals(pinId.toString()) ? 1 : 0;
			assertThat(lane.path("clips").size()).isEqualTo(expected);
			assertThat(lane.path("name").asString()).isNotBlank();
		}

		assertThat(api.get("/api/malls/" + otherMall + "/timeline?date=2026-11-02", viewer).status()).isEqualTo(404);
		assertThat(api.get("/api/malls/" + otherMall + "/pins/" + otherPin + "/timeline?date=2026-11-02", viewer).status())
			.isEqualTo(404);
		assertThat(api.get("/api/malls/" + mallId + "/pins/" + otherPin + "/timeline?date=2026-11-02", viewer).status())
			.isEqualTo(404);
		assertThat(api.get("/api/malls/" + UUID.randomUUID() + "/timeline?date=2026-11-02", admin).status()).isEqualTo(404);
		assertThat(api.get("/api/malls/" + mallId + "/pins/not-a-uuid/timeline?date=2026-11-02", admin).status())
			.isEqualTo(400);
	}

	private UUID clip(String start, double seconds, boolean processed) {
		Rows.VideoRow row = rows.video(mallId, pinId).recorded(Instant.parse(start), seconds);
		return (processed ? row.processed() : row).insert();
	}

	private void zone(String zone) {
		ApiResponse changed = api.sendRaw("PATCH", "/api/malls/" + mallId, admin, "application/json",
				"{\"time_zone\":\"" + zone + "\"}");
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
	}

	private void assertDay(String date, String from, String to) {
		JsonNode day = pinTimeline("date=" + date);
		assertThat(day.path("from").asString()).as(date).isEqualTo(from);
		assertThat(day.path("to").asString()).as(date).isEqualTo(to);
	}

	private void assertRefused(String path, String detail) {
		ApiResponse refused = api.get(path, admin);
		assertThat(refused.status()).as(path + " " + refused).isEqualTo(400);
		assertThat(refused.detail()).as(path).startsWith(detail);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
	}

	private JsonNode pinTimeline(String query) {
		ApiResponse response = api.get("/api/malls/" + mallId + "/pins/" + pinId + "/timeline?" + query, admin);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.body();
	}

	private static List<UUID> ids(JsonNode clips) {
		List<UUID> ids = new ArrayList<>();
		clips.forEach(clip -> ids.add(UUID.fromString(clip.path("video_id").asString())));
		return ids;
	}

	private static List<String> spans(JsonNode gaps) {
		List<String> spans = new ArrayList<>();
		gaps.forEach(gap -> spans.add(gap.path("start").asString() + "/" + gap.path("end").asString()));
		return spans;
	}

}
