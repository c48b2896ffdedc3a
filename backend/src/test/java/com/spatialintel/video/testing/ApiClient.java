package com.spatialintel.video.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;

/**
 * Talks to the running application over real HTTP, as the web UI does, and sets up what tests
 * need through the public API: malls, pins and users in each role.
 */
@TestComponent
public class ApiClient {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	private final Environment environment;

	/** The port is known only once the server has started, after this bean was created. */
	public ApiClient(Environment environment) {
		UnitLayer.refuse("the app");
		this.environment = environment;
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + environment.getRequiredProperty("local.server.port");
	}

	public ApiResponse get(String path, String token) {
		return send(builder(path, token).GET());
	}

	public ApiResponse post(String path, String token, Object body) {
		return send(builder(path, token).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(toJson(body))));
	}

	/** A sign-in as a client behind a reverse proxy, which names it in X-Forwarded-For. */
	public ApiResponse loginFrom(String clientAddress, String email, String password) {
		return send(builder("/api/auth/login", null).header("Content-Type", "application/json")
			.header("X-Forwarded-For", clientAddress)
			.POST(HttpRequest.BodyPublishers.ofString(toJson(Map.of("email", email, "password", password)))));
	}

	public ApiResponse put(String path, String token, Object body) {
		return send(builder(path, token).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(toJson(body))));
	}

	/** Sends a body exactly as given, for malformed-input tests. */
	public ApiResponse sendRaw(String method, String path, String token, String contentType, String body) {
		HttpRequest.Builder builder = builder(path, token).method(method,
				body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (contentType != null) {
			builder.header("Content-Type", contentType);
		}
		return send(builder);
	}

	public ApiResponse delete(String path, String token) {
		return send(builder(path, token).DELETE());
	}

	/** PUTs bytes to a presigned S3 URL as a browser would, with no form content type. */
	public ApiResponse putToStorage(String presignedUrl, byte[] bytes) {
		return send(HttpRequest.newBuilder(URI.create(presignedUrl)).PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)));
	}

	public String login(String email, String password) {
		ApiResponse response = post("/api/auth/login", null, Map.of("email", email, "password", password));
		if (response.status() != 200) {
			throw new IllegalStateException("Login of " + email + " failed: " + response);
		}
		return response.text("token");
	}

	public String adminToken() {
		return login(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD);
	}

	public UUID createMall(String adminToken) {
		return created(post("/api/malls", adminToken, Map.of("name", unique("Mall"))));
	}

	public UUID createPin(String adminToken, UUID mallId) {
		return created(post("/api/malls/" + mallId + "/pins", adminToken, Map.of("name", unique("Pin"))));
	}

	/** Creates a user with the given role and grants and returns their token. */
	public String tokenFor(String adminToken, String role, UUID... mallIds) {
		String email = unique(role.toLowerCase()) + "@test.example";
		String password = "password-" + UUID.randomUUID();
		created(post("/api/users", adminToken,
				Map.of("email", email, "password", password, "role", role, "mall_ids", List.of(mallIds))));
		return login(email, password);
	}

	public static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private UUID created(ApiResponse response) {
		if (response.status() != 201) {
			throw new IllegalStateException("Expected 201 Created, got " + response);
		}
		return UUID.fromString(response.text("id"));
	}

	private JsonNode parse(String text) {
		if (text == null || text.isBlank()) {
			return json.missingNode();
		}
		try {
			return json.readTree(text);
		}
		catch (JacksonException notJson) {
			return json.getNodeFactory().stringNode(text);
		}
	}

	private HttpRequest.Builder builder(String path, String token) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl() + path));
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return builder;
	}

	private String toJson(Object body) {
		return body instanceof String text ? text : json.writeValueAsString(body);
	}

	private ApiResponse send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			String text = response.body();
			JsonNode body = parse(text);
			return new ApiResponse(response.statusCode(), response.headers(), body);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
