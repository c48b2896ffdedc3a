package com.spatialintel.video.errors;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import com.spatialintel.video.testing.ApiClient;
import com.spatialintel.video.testing.ApiResponse;
import com.spatialintel.video.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input is a 400 problem with a sentence, never a 500. */
@IntegrationTest
class BadInputTests {

	@Autowired
	ApiClient api;

	String admin;

	@BeforeEach
	void signIn() {
		admin = api.adminToken();
	}

	@Test
	void aMalformedUuidInThePathIs400() {
		ApiResponse response = api.get("/api/malls/not-a-uuid/pins", admin);

		assertProblem(response, 400, "mall_id must be a UUID such as 3f2b8c1e-9a4d-4c6b-8e21-5d7f0a1b2c3d; 'not-a-uuid' is not.");
		assertThat(response.text("instance")).isEqualTo("/api/malls/not-a-uuid/pins");
	}

	@Test
	void malformedJsonIs400() {
		ApiResponse response = api.sendRaw("POST", "/api/malls", admin, "application/json", "{\"name\": ");

		assertProblem(response, 400, null);
		assertThat(response.detail()).startsWith("The request body is not valid JSON");
	}

	@Test
	void aBodyThatIsNotAnObjectIs400() {
		assertProblem(api.sendRaw("POST", "/api/malls", admin, "application/json", "[1,2]"), 400,
				"The request body must be a JSON object.");
		assertProblem(api.sendRaw("POST", "/api/malls", admin, "application/json", "\"text\""), 400,
				"The request body must be a JSON object.");
	}

	@Test
	void controlLineSeparatorAndTextDirectionCharactersInNamesAre400() {
		for (String name : List.of("Mall\u0000", "North\r\nSouth", "Next\u0085Line", "C1\u009b", "\u202Egpj.mp4",
				"Iso\u2066late", "Line\u2028Sep", "Para\u2029", "Tab\tbed", "Mark\u200F")) {
			assertProblem(api.post("/api/malls", admin, Map.of("name", name)), 400,
					"The request is invalid: name must not contain control characters, line separators or text-direction overrides.");
		}
		ApiResponse emoji = api.post("/api/malls", admin, Map.of("name", ApiClient.unique("Café 👩‍👩‍👧 Plaza")));
		assertThat(emoji.status()).as("a zero-width joiner in an emoji is not a control").isEqualTo(201);
	}

	@Test
	void wrongTypesAre400() {
		assertProblem(api.post("/api/malls", admin, "{\"name\": {\"nested\": true}}"), 400, "name must be a string.");
		assertProblem(api.post("/api/users", admin, Map.of("email", "x@test.example", "password", "password-1",
				"role", "VIEWER", "mall_ids", "not-a-list")), 400, "mall_ids must be a JSON array.");
		assertProblem(api.post("/api/users", admin, Map.of("email", "x@test.example", "password", "password-1",
				"role", "VIEWER", "mall_ids", List.of("nope"))), 400,
				"mall_ids[0] must be a UUID such as 3f2b8c1e-9a4d-4c6b-8e21-5d7f0a1b2c3d; 'nope' is not.");
		assertProblem(api.post("/api/users", admin, "{\"email\":\"x@test.example\",\"password\":\"password-1\",\"role\":1}"),
				400, null);
		assertProblem(api.post("/api/malls", admin, "{\"name\": 123}"), 400, null);
		assertProblem(api.post("/api/malls", admin, "{\"name\": true}"), 400, null);
	}

	@Test
	void missingFieldsAre400AndNameEachField() {
		ApiResponse response = api.post("/api/users", admin, Map.of("email", "someone@test.example"));

		assertProblem(response, 400, "The request is invalid: password must not be null; role must not be null.");
		assertThat(response.body().path("errors").size()).isEqualTo(2);
		assertThat(response.body().path("errors").get(0).has("field")).isTrue();
	}

	@Test
	void nullsAndBlanksAre400() {
		assertProblem(api.post("/api/malls", admin, "{\"name\": null}"), 400, "The request is invalid: name must not be blank.");
		assertProblem(api.post("/api/malls", admin, Map.of("name", "   ")), 400, "The request is invalid: name must not be blank.");
		assertProblem(api.post("/api/users", admin, "{\"email\":\"x@test.example\",\"password\":\"password-1\",\"role\":\"VIEWER\",\"mall_ids\":[null]}"),
				400, null);
	}

	@Test
	void anUnknownEnumValueIs400AndListsTheAllowedOnes() {
		ApiResponse response = api.post("/api/users", admin,
				Map.of("email", "x@test.example", "password", "password-1", "role", "SUPERUSER"));

		assertProblem(response, 400, "role must be one of ADMIN, OPERATOR, VIEWER; 'SUPERUSER' is not.");
	}

	@Test
	void hugeValuesAre400() {
		assertProblem(api.post("/api/malls", admin, Map.of("name", "x".repeat(10_000))), 400,
				"The request is invalid: name size must be between 0 and 200.");
		List<String> tooMany = IntStream.range(0, 1001).mapToObj(i -> UUID.randomUUID().toString()).toList();
		assertProblem(api.put("/api/users/" + UUID.randomUUID() + "/malls", admin, Map.of("mall_ids", tooMany)), 400,
				"The request is invalid: mall_ids size must be between 0 and 1000.");
		assertProblem(api.post("/api/users", admin, Map.of("email", "x".repeat(300) + "@test.example", "password",
				"password-1", "role", "VIEWER")), 400, null);
	}

	@Test
	void anInvalidEmailOrShortPasswordIs400() {
		assertProblem(api.post("/api/users", admin, Map.of("email", "not an email", "password", "password-1", "role",
				"VIEWER")), 400, "The request is invalid: email must be a well-formed email address.");
		assertProblem(api.post("/api/users", admin, Map.of("email", "short@test.example", "password", "1234567", "role",
				"VIEWER")), 400, "The request is invalid: password size must be between 8 and 72.");
	}

	@Test
	void aWrongContentTypeIs415() {
		ApiResponse response = api.sendRaw("POST", "/api/malls", admin, "text/plain", "name=Mall");

		assertProblem(response, 415, null);
	}

	@Test
	void anUnknownApiRouteIs404AndAWrongMethodIs405() {
		assertProblem(api.get("/api/does-not-exist", admin), 404, null);
		assertProblem(api.sendRaw("DELETE", "/api/malls", admin, null, null), 405, null);
	}

	private static void assertProblem(ApiResponse response, int status, String detail) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.header("Content-Type")).as(response.toString()).isEqualTo("application/problem+json");
		assertThat(response.detail()).as(response.toString()).isNotBlank();
		if (detail != null) {
			assertThat(response.detail()).isEqualTo(detail);
		}
	}

}
