package com.spatialintel.video.mall;

import java.util.Map;
import java.util.UUID;

import com.spatialintel.video.testing.ApiClient;
import com.spatialintel.video.testing.ApiResponse;
import com.spatialintel.video.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Each mall has an IANA time zone: UTC unless given, changed by an admin, an unknown one refused with a sentence. */
@IntegrationTest
class MallTimeZoneTests {

	@Autowired
	ApiClient api;

	@Test
	void aMallIsInUtcUnlessGivenAZoneAndAnAdminChangesIt() {
		String admin = api.adminToken();
		UUID plain = api.createMall(admin);
		ApiResponse berlin = api.post("/api/malls", admin, Map.of("name", ApiClient.unique("Berlin"), "time_zone", "Europe/Berlin"));

		assertThat(berlin.status()).isEqualTo(201);
		assertThat(berlin.text("time_zone")).isEqualTo("Europe/Berlin");
		assertThat(zoneOf(admin, plain)).isEqualTo("UTC");

		ApiResponse changed = api.sendRaw("PATCH", "/api/malls/" + plain, admin, "application/json",
				"{\"time_zone\":\"America/New_York\"}");
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(changed.text("time_zone")).isEqualTo("America/New_York");
		assertThat(zoneOf(admin, plain)).isEqualTo("America/New_York");
	}

	@Test
	void anUnknownZoneIs400WithASentenceAndChangesNothing() {
		String admin = api.adminToken();
		UUID mall = api.createMall(admin);

		for (String zone : new String[] { "Mars/Olympus_Mons", "Europe/berlin", "GMT+25", "utc" }) {
			ApiResponse refused = api.sendRaw("PATCH", "/api/malls/" + mall, admin, "application/json",
					"{\"time_zone\":\"" + zone + "\"}");
			assertThat(refused.status()).as(zone).isEqualTo(400);
			assertThat(refused.detail()).isEqualTo("time_zone '" + zone
					+ "' is not an IANA time zone; give one such as Europe/Berlin, America/New_York or UTC.");
		}
		ApiResponse created = api.post("/api/malls", admin, Map.of("name", ApiClient.unique("Nowhere"), "time_zone", "Nowhere/City"));
		assertThat(created.status()).isEqualTo(400);
		assertThat(api.sendRaw("PATCH", "/api/malls/" + mall, admin, "application/json", "{\"time_zone\":\"\"}").status())
			.isEqualTo(400);
		assertThat(api.sendRaw("PATCH", "/api/malls/" + mall, admin, "application/json", "{\"time_zone\":\"Europe/Ber\\u202Elin\"}")
			.status()).isEqualTo(400);
		assertThat(zoneOf(admin, mall)).isEqualTo("UTC");
	}

	@Test
	void onlyAnAdminChangesAZoneAndAnUnknownMallIs404() {
		String admin = api.adminToken();
		UUID mall = api.createMall(admin);
		String operator = api.tokenFor(admin, "OPERATOR", mall);

		assertThat(api.sendRaw("PATCH", "/api/malls/" + mall, operator, "application/json", "{\"time_zone\":\"Europe/Paris\"}")
			.status()).isEqualTo(403);
		ApiResponse missing = api.sendRaw("PATCH", "/api/malls/" + UUID.randomUUID(), admin, "application/json",
				"{\"time_zone\":\"Europe/Paris\"}");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(zoneOf(admin, mall)).isEqualTo("UTC");
	}

	private String zoneOf(String token, UUID mallId) {
		for (JsonNode mall : api.get("/api/malls", token).body().path("malls")) {
			if (mall.path("id").asString().equals(mallId.toString())) {
				return mall.path("time_zone").asString();
			}
		}
		throw new AssertionError("mall " + mallId + " not listed");
	}

}
