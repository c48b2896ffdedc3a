package com.spatialintel.video.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.spatialintel.video.testing.ApiClient;
import com.spatialintel.video.testing.ApiResponse;
import com.spatialintel.video.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The jar serves the built UI; a reloaded deep link gets the app, the API keeps its problem+json. */
@IntegrationTest
class SinglePageApplicationTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@Autowired
	ApiClient api;

	@Test
	void theRootAndADeepLinkReloadedInABrowserGetTheApp() throws Exception {
		for (String path : new String[] { "/", "/malls", "/malls/4f1c/pins/9a2e/upload", "/videos/0d1e?from=list" }) {
			HttpResponse<String> page = get(path, "text/html,application/xhtml+xml,*/*;q=0.8");

			assertThat(page.statusCode()).as(path).isEqualTo(200);
			assertThat(page.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
			assertThat(page.body()).as(path).contains("<div id=\"root\"></div>").contains("/assets/index-");
			assertThat(page.headers().firstValue("Cache-Control")).get().asString().contains("no-cache");
		}
	}

	@Test
	void builtAssetsAreServedAndCachedForGood() throws Exception {
		String index = get("/", "text/html").body();
		String script = index.replaceAll("(?s).*src=\"(/assets/index-[^\"]+\\.js)\".*", "$1");

		HttpResponse<String> asset = get(script, "*/*");

		assertThat(asset.statusCode()).isEqualTo(200);
		assertThat(asset.headers().firstValue("Content-Type")).get().asString().contains("javascript");
		assertThat(asset.headers().firstValue("Cache-Control")).get().asString().contains("immutable");
	}

	@Test
	void aMissingFileIsA404AndNotTheApp() throws Exception {
		HttpResponse<String> missing = get("/assets/index-missing.js", "*/*");

		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).doesNotContain("<div id=\"root\">");
	}

	@Test
	void apiAndActuatorPathsKeepTheirProblemJson404sEvenWhenHtmlIsAccepted() throws Exception {
		String admin = api.adminToken();
		HttpResponse<String> api404 = HTTP.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/no-such-thing"))
			.header("Accept", "text/html")
			.header("Authorization", "Bearer " + admin)
			.build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> actuator404 = get("/actuator/no-such-endpoint", "text/html");

		for (HttpResponse<String> response : java.util.List.of(api404, actuator404)) {
			assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(404);
			assertThat(response.body()).doesNotContain("<div id=\"root\">");
		}
		assertThat(api404.headers().firstValue("Content-Type")).get().asString().contains("problem+json");
		assertThat(api404.body()).contains(
				"\"detail\":\"There is no API endpoint at /api/no-such-thing for GET; the endpoints are listed at /api/docs.\"");
		ApiResponse unknown = api.post("/api/videos/not-a-route/at-all", admin, java.util.Map.of());
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.detail()).isEqualTo(
				"There is no API endpoint at /api/videos/not-a-route/at-all for POST; the endpoints are listed at /api/docs.");
	}

	@Test
	void clientSettingsTellTheUiTheServersLimits() {
		ApiResponse settings = api.get("/api/client-settings", api.adminToken());

		assertThat(settings.status()).isEqualTo(200);
		assertThat(settings.body().path("max_upload_bytes").asLong()).isEqualTo(2_147_483_648L);
		assertThat(settings.body().path("signing_batch").asInt()).isEqualTo(100);
		assertThat(settings.body().path("page_size").asInt()).isEqualTo(50);
		assertThat(settings.body().properties()).as("only what the web UI reads").hasSize(3);
		assertThat(api.get("/api/client-settings", null).status()).isEqualTo(401);
	}

	private HttpResponse<String> get(String path, String accept) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path)).header("Accept", accept).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
