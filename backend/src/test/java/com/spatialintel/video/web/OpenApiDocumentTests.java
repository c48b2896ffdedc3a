package com.spatialintel.video.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import com.spatialintel.video.testing.ApiClient;
import com.spatialintel.video.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web UI's API types are generated from {@code frontend/openapi.json}; this fails when that
 * copy no longer matches what the server documents. {@code UPDATE_OPENAPI=1} (or
 * {@code -Dopenapi.update=true}) writes the new document instead; then run
 * {@code npm run api:types} in {@code frontend/} and commit both.
 */
@IntegrationTest
class OpenApiDocumentTests {

	static final Path COMMITTED = Path.of("..", "frontend", "openapi.json");

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(SerializationFeature.INDENT_OUTPUT)
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.build();

	@Autowired
	ApiClient api;

	@Test
	void committedDocumentOfTheWebUiMatchesTheServers() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/docs")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		String served = JSON.writeValueAsString(JSON.treeToValue(JSON.readTree(response.body()), Object.class)) + "\n";

		if ("1".equals(System.getenv("UPDATE_OPENAPI")) || Boolean.getBoolean("openapi.update")) {
			Files.writeString(COMMITTED, served);
		}

		assertThat(Files.exists(COMMITTED)).as("%s exists", COMMITTED.toAbsolutePath()).isTrue();
		assertThat(Files.readString(COMMITTED))
			.as("frontend/openapi.json is stale: run UPDATE_OPENAPI=1 ./mvnw -pl backend test -Dtest=OpenApiDocumentTests, then npm run api:types in frontend/")
			.isEqualTo(served);
	}

	/** The codes the API really answers, and every error as problem+json (RFC 9457). */
	@Test
	void theDocumentListsTheRealCodesAndEveryErrorAsProblemJson() throws Exception {
		JsonNode document = JSON.readTree(HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/docs")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body());
		JsonNode paths = document.path("paths");

		assertThat(names(paths.path("/api/videos/{video_id}").path("delete").path("responses")))
			.contains("202", "204").doesNotContain("200");
		assertThat(names(paths.path("/api/videos/{video_id}/reprocess").path("post").path("responses")))
			.contains("202").doesNotContain("200");
		assertThat(names(paths.path("/api/malls/{mall_id}/pins/{pin_id}/uploads/{video_id}").path("delete").path("responses")))
			.contains("204").doesNotContain("200");
		assertThat(names(paths.path("/api/videos/{video_id}/proxy").path("get").path("responses")))
			.contains("206", "304", "403", "412", "416");
		assertThat(paths.path("/api/videos/{video_id}/proxy").path("get").path("security").isEmpty())
			.as("a signed link needs no token").isTrue();
		assertThat(document.path("components").path("schemas").path("Problem").path("required"))
			.extracting(JsonNode::asString).containsExactlyInAnyOrder("title", "status", "detail");
		int errors = 0;
		for (var path : paths.properties()) {
			for (var operation : path.getValue().properties()) {
				for (var response : operation.getValue().path("responses").properties()) {
					int status = Integer.parseInt(response.getKey());
					if (status < 400) {
						continue;
					}
					errors++;
					assertThat(response.getValue().path("content").path("application/problem+json").path("schema")
						.path("$ref").asString())
						.as("%s %s answers %d as problem+json", operation.getKey(), path.getKey(), status)
						.isEqualTo("#/components/schemas/Problem");
				}
				assertThat(names(operation.getValue().path("responses")))
					.as("%s %s", operation.getKey(), path.getKey()).contains("400", "503");
			}
		}
		assertThat(errors).isGreaterThan(100);
	}

	private static java.util.List<String> names(JsonNode node) {
		return node.properties().stream().map(java.util.Map.Entry::getKey).toList();
	}

}
