package com.spatialintel.video.mall;

import java.util.Map;
import java.util.UUID;

import com.spatialintel.video.testing.ApiClient;
import com.spatialintel.video.testing.ApiResponse;
import com.spatialintel.video.testing.IntegrationTest;
import com.spatialintel.video.testing.TestVideos;
import com.spatialintel.video.testing.Uploads;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** An admin renames malls and pins and deletes empty ones; footage keeps them (409), and tenancy holds. */
@IntegrationTest
class MallAdminTests {

	@Autowired
	ApiClient api;

	@Test
	void renamingKeepsTenancyAndAFullPinOrMallCannotBeDeleted() {
		String admin = api.adminToken();
		UUID mall = api.createMall(admin);
		UUID pin = api.createPin(admin, mall);
		UUID otherMall = api.createMall(admin);
		String viewer = api.tokenFor(admin, "VIEWER", mall);
		String outsider = api.tokenFor(admin, "VIEWER", otherMall);

		String name = ApiClient.unique("Renamed mall");
		ApiResponse renamed = api.sendRaw("PATCH", "/api/malls/" + mall, admin, "application/json", "{\"name\":\"" + name + "\"}");
		assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
		assertThat(renamed.text("name")).isEqualTo(name);
		assertThat(renamed.text("time_zone")).isEqualTo("UTC");
		ApiResponse pinRenamed = api.sendRaw("PATCH", "/api/malls/" + mall + "/pins/" + pin, admin, "application/json",
				"{\"name\":\"North doors\"}");
		assertThat(pinRenamed.text("name")).isEqualTo("North doors");
		assertThat(api.get("/api/malls/" + mall + "/pins", viewer).body().path("pins").get(0).path("name").asString())
			.isEqualTo("North doors");
		assertThat(api.get("/api/malls/" + mall + "/pins", outsider).status()).isEqualTo(404);
		assertThat(api.sendRaw("PATCH", "/api/malls/" + mall, viewer, "application/json", "{\"name\":\"x\"}").status())
			.isEqualTo(403);
		assertThat(api.sendRaw("PATCH", "/api/malls/" + mall, admin, "application/json", "{}").detail())
			.isEqualTo("Give name, time_zone, or both.");
		assertThat(api.sendRaw("PATCH", "/api/malls/" + mall + "/pins/" + pin, admin, "application/json", "{\"name\":\" \"}")
			.status()).isEqualTo(400);
		assertThat(api.sendRaw("PATCH", "/api/malls/" + otherMall + "/pins/" + pin, admin, "application/json",
				"{\"name\":\"Elsewhere\"}").status()).isEqualTo(404);

		new Uploads(api, admin, mall, pin).uploadWhole(TestVideos.small("kept-pin", 160, 120, false));
		ApiResponse pinRefused = api.delete("/api/malls/" + mall + "/pins/" + pin, admin);
		assertThat(pinRefused.status()).isEqualTo(409);
		assertThat(pinRefused.detail()).isEqualTo("Pin 'North doors' has footage, so it cannot be deleted; "
				+ "delete its videos first (footage is kept until it is deleted on purpose).");
		ApiResponse mallRefused = api.delete("/api/malls/" + mall, admin);
		assertThat(mallRefused.status()).isEqualTo(409);
		assertThat(mallRefused.detail()).startsWith("Mall '" + name + "' has footage on its pins");
		assertThat(api.get("/api/malls/" + mall + "/pins", viewer).body().path("pins").size()).isEqualTo(1);
	}

	@Test
	void emptyPinsAndMallsGoWithTheirGrants() {
		String admin = api.adminToken();
		UUID mall = api.createMall(admin);
		UUID pin = api.createPin(admin, mall);
		String viewer = api.tokenFor(admin, "VIEWER", mall);

		assertThat(api.delete("/api/malls/" + mall + "/pins/" + pin, viewer).status()).isEqualTo(403);
		assertThat(api.delete("/api/malls/" + mall + "/pins/" + pin, admin).status()).isEqualTo(204);
		assertThat(api.get("/api/malls/" + mall + "/pins", viewer).body().path("pins").size()).isZero();
		api.createPin(admin, mall);
		assertThat(api.delete("/api/malls/" + mall, admin).status()).isEqualTo(204);
		assertThat(api.get("/api/malls/" + mall + "/pins", viewer).status()).isEqualTo(404);
		assertThat(api.get("/api/malls", viewer).body().path("malls").size()).isZero();
		assertThat(api.delete("/api/malls/" + mall, admin).status()).isEqualTo(404);
		assertThat(api.delete("/api/malls/" + UUID.randomUUID() + "/pins/" + UUID.randomUUID(), admin).status()).isEqualTo(404);
		assertThat(api.post("/api/malls", admin, Map.of("name", ApiClient.unique("Again"))).status()).isEqualTo(201);
	}

}
