package com.spatialintel.video.auth;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import com.spatialintel.video.testing.ApiClient;
import com.spatialintel.video.testing.ApiResponse;
import com.spatialintel.video.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Each role against each admin endpoint. */
@IntegrationTest
class RoleAccessTests {

	@Autowired
	ApiClient api;

	String admin;

	UUID mallId;

	UUID someUserId;

	@BeforeEach
	void setUp() {
		admin = api.adminToken();
		mallId = api.createMall(admin);
		ApiResponse user = api.post("/api/users", admin, Map.of("email", ApiClient.unique("target") + "@test.example",
				"password", "password-123", "role", "VIEWER"));
		someUserId = UUID.fromString(user.text("id"));
	}

	private Map<String, BiFunction<String, ApiClient, ApiResponse>> adminEndpoints() {
		return Map.of(
				"POST /api/malls", (token, client) -> client.post("/api/malls", token, Map.of("name", ApiClient.unique("Mall"))),
				"POST /api/malls/{id}/pins", (token, client) -> client.post("/api/malls/" + mallId + "/pins", token,
						Map.of("name", ApiClient.unique("Pin"))),
				"POST /api/users", (token, client) -> client.post("/api/users", token, Map.of("email",
						ApiClient.unique("new") + "@test.example", "password", "password-123", "role", "OPERATOR",
						"mall_ids", List.of(mallId))),
				"PUT /api/users/{id}/malls", (token, client) -> client.put("/api/users/" + someUserId + "/malls", token,
						Map.of("mall_ids", List.of(mallId))),
				"GET /api/users", (token, client) -> client.get("/api/users", token));
	}

	@Test
	void adminMayUseEveryAdminEndpoint() {
		adminEndpoints().forEach((name, call) -> {
			ApiResponse response = call.apply(admin, api);
			assertThat(response.status()).as(name + " " + response).isIn(200, 201);
		});
	}

	@Test
	void operatorIsForbiddenEveryAdminEndpoint() {
		String operator = api.tokenFor(admin, "OPERATOR", mallId);
		assertAllForbidden(operator);
	}

	@Test
	void viewerIsForbiddenEveryAdminEndpoint() {
		String viewer = api.tokenFor(admin, "VIEWER", mallId);
		assertAllForbidden(viewer);
	}

	@Test
	void anonymousCallersGet401FromEveryAdminEndpoint() {
		adminEndpoints().forEach((name, call) -> assertThat(call.apply(null, api).status()).as(name).isEqualTo(401));
	}

	@Test
	void createdUserCanSignInAndSeesTheirRoleAndGrants() {
		String email = ApiClient.unique("Operator") + "@Test.Example";
		ApiResponse created = api.post("/api/users", admin,
				Map.of("email", email, "password", "password-123", "role", "OPERATOR", "mall_ids", List.of(mallId)));

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.text("email")).isEqualTo(email.toLowerCase());
		assertThat(created.text("role")).isEqualTo("OPERATOR");
		assertThat(created.body().path("mall_ids").get(0).asString()).isEqualTo(mallId.toString());
		ApiResponse me = api.get("/api/me", api.login(email, "password-123"));
		assertThat(me.text("id")).isEqualTo(created.text("id"));
		assertThat(me.body().path("mall_ids").size()).isEqualTo(1);
	}

	@Test
	void aSecondUserWithTheSameEmailIs409() {
		String email = ApiClient.unique("twice") + "@test.example";
		Map<String, Object> body = Map.of("email", email, "password", "password-123", "role", "VIEWER");
		assertThat(api.post("/api/users", admin, body).status()).isEqualTo(201);

		ApiResponse again = api.post("/api/users", admin, Map.of("email", email.toUpperCase(), "password",
				"password-456", "role", "OPERATOR"));

		assertThat(again.status()).isEqualTo(409);
		assertThat(again.detail()).isEqualTo("A user with the e-mail address " + email + " already exists.");
	}

	@Test
	void grantingAMallThatDoesNotExistIs404AndChangesNothing() {
		UUID missing = UUID.randomUUID();
		ApiResponse response = api.put("/api/users/" + someUserId + "/malls", admin,
				Map.of("mall_ids", List.of(mallId, missing)));

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.detail()).isEqualTo("Mall " + missing + " was not found.");
		ApiResponse users = api.get("/api/users", admin);
		List<JsonNode> theUser = users.body().path("users").valueStream()
			.filter(user -> user.path("id").asString().equals(someUserId.toString()))
			.toList();
		assertThat(theUser).as("the user is listed once").hasSize(1);
		assertThat(theUser.get(0).path("mall_ids").size()).as("no grant was changed").isZero();
	}

	@Test
	void changingTheGrantsOfAnUnknownUserIs404() {
		UUID missing = UUID.randomUUID();
		ApiResponse response = api.put("/api/users/" + missing + "/malls", admin, Map.of("mall_ids", List.of()));

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.detail()).isEqualTo("User " + missing + " was not found.");
	}

	@Test
	void passwordsLongerThanBcryptCanHoldAreRefused() {
		String longInBytes = "é".repeat(40);
		ApiResponse response = api.post("/api/users", admin, Map.of("email", ApiClient.unique("long") + "@test.example",
				"password", longInBytes, "role", "VIEWER"));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.detail()).contains("at most 72 bytes");
	}

	private void assertAllForbidden(String token) {
		adminEndpoints().forEach((name, call) -> {
			ApiResponse response = call.apply(token, api);
			assertThat(response.status()).as(name).isEqualTo(403);
			assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
			assertThat(response.detail()).isEqualTo("Your role does not allow this action.");
		});
	}

}
