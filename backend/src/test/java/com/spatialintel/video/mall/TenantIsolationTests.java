package com.spatialintel.video.mall;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.spatialintel.video.testing.ApiClient;
import com.spatialintel.video.testing.ApiResponse;
import com.spatialintel.video.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class TenantIsolationTests {

	@Autowired
	ApiClient api;

	String admin;

	UUID mallA;

	UUID mallB;

	UUID pinA;

	@BeforeEach
	void setUp() {
		admin = api.adminToken();
		mallA = api.createMall(admin);
		mallB = api.createMall(admin);
		pinA = api.createPin(admin, mallA);
		api.createPin(admin, mallB);
	}

	@Test
	void anOperatorListsOnlyTheirOwnMall() {
		String operatorOfA = api.tokenFor(admin, "OPERATOR", mallA);

		ApiResponse malls = api.get("/api/malls", operatorOfA);

		assertThat(malls.status()).isEqualTo(200);
		assertThat(ids(malls.body().path("malls"))).containsExactly(mallA.toString());
	}

	@Test
	void anotherMallsPinsAre404ExactlyLikeAMallThatDoesNotExist() {
		String operatorOfA = api.tokenFor(admin, "OPERATOR", mallA);
		UUID neverCreated = UUID.randomUUID();

		ApiResponse otherMall = api.get("/api/malls/" + mallB + "/pins", operatorOfA);
		ApiResponse missingMall = api.get("/api/malls/" + neverCreated + "/pins", operatorOfA);

		assertThat(otherMall.status()).isEqualTo(404);
		assertThat(missingMall.status()).isEqualTo(404);
		assertThat(otherMall.detail()).isEqualTo("Mall " + mallB + " was not found.");
		assertThat(missingMall.detail()).isEqualTo("Mall " + neverCreated + " was not found.");
		assertThat(otherMall.body().properties().stream().map(Map.Entry::getKey))
			.containsExactlyInAnyOrderElementsOf(missingMall.body().properties().stream().map(Map.Entry::getKey).toList());
	}

	@Test
	void aViewerSeesThePinsOfTheirMall() {
		String viewerOfA = api.tokenFor(admin, "VIEWER", mallA);

		ApiResponse pins = api.get("/api/malls/" + mallA + "/pins", viewerOfA);

		assertThat(pins.status()).isEqualTo(200);
		assertThat(ids(pins.body().path("pins"))).containsExactly(pinA.toString());
		assertThat(pins.body().path("pins").get(0).path("mall_id").asString()).isEqualTo(mallA.toString());
	}

	@Test
	void aUserWithoutGrantsSeesNoMalls() {
		String viewer = api.tokenFor(admin, "VIEWER");

		assertThat(api.get("/api/malls", viewer).body().path("malls").size()).isZero();
		assertThat(api.get("/api/malls/" + mallA + "/pins", viewer).status()).isEqualTo(404);
	}

	@Test
	void theAdminSeesEveryMall() {
		ApiResponse malls = api.get("/api/malls", admin);

		assertThat(ids(malls.body().path("malls"))).contains(mallA.toString(), mallB.toString());
		assertThat(api.get("/api/malls/" + mallB + "/pins", admin).status()).isEqualTo(200);
	}

	@Test
	void aNewGrantAppliesToTheNextRequestWithoutSigningInAgain() {
		ApiResponse created = api.post("/api/users", admin, Map.of("email", ApiClient.unique("op") + "@test.example",
				"password", "password-123", "role", "OPERATOR", "mall_ids", List.of(mallA)));
		String operator = api.login(created.text("email"), "password-123");
		assertThat(api.get("/api/malls/" + mallB + "/pins", operator).status()).isEqualTo(404);

		api.put("/api/users/" + created.text("id") + "/malls", admin, Map.of("mall_ids", List.of(mallB)));

		assertThat(api.get("/api/malls/" + mallB + "/pins", operator).status()).isEqualTo(200);
		assertThat(api.get("/api/malls/" + mallA + "/pins", operator).status()).isEqualTo(404);
		assertThat(api.get("/api/me", operator).body().path("mall_ids").get(0).asString()).isEqualTo(mallB.toString());
	}

	@Test
	void mallAndPinNamesAreUnique() {
		String name = ApiClient.unique("Mall");
		assertThat(api.post("/api/malls", admin, Map.of("name", name)).status()).isEqualTo(201);
		ApiResponse mallAgain = api.post("/api/malls", admin, Map.of("name", "  " + name + " "));
		assertThat(mallAgain.status()).isEqualTo(409);
		assertThat(mallAgain.detail()).isEqualTo("A mall named '" + name + "' already exists.");

		assertThat(api.post("/api/malls/" + mallA + "/pins", admin, Map.of("name", "Entrance")).status()).isEqualTo(201);
		assertThat(api.post("/api/malls/" + mallA + "/pins", admin, Map.of("name", "Entrance")).status()).isEqualTo(409);
		assertThat(api.post("/api/malls/" + mallB + "/pins", admin, Map.of("name", "Entrance")).status()).isEqualTo(201);
	}

	@Test
	void creatingAPinInAMallThatDoesNotExistIs404() {
		UUID missing = UUID.randomUUID();
		ApiResponse response = api.post("/api/malls/" + missing + "/pins", admin, Map.of("name", "Gate"));

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.detail()).isEqualTo("Mall " + missing + " was not found.");
	}

	@Test
	void createdMallAndPinHaveTheDocumentedShape() {
		ApiResponse mall = api.post("/api/malls", admin, Map.of("name", ApiClient.unique("Shape")));
		ApiResponse pin = api.post("/api/malls/" + mall.text("id") + "/pins", admin, Map.of("name", "North"));

		assertThat(fieldNames(mall.body())).containsExactlyInAnyOrder("id", "name", "time_zone", "created_at");
		assertThat(fieldNames(pin.body())).containsExactlyInAnyOrder("id", "mall_id", "name", "created_at");
		assertThat(pin.text("mall_id")).isEqualTo(mall.text("id"));
	}

	private static List<String> ids(JsonNode array) {
		return array.valueStream().map(node -> node.path("id").asString()).toList();
	}

	private static List<String> fieldNames(JsonNode node) {
		return node.properties().stream().map(Map.Entry::getKey).toList();
	}

}
