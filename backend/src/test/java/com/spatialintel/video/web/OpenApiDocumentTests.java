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

}
