package com.spatialintel.video.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.spatialintel.video.testing.ApiClient;
import com.spatialintel.video.testing.ApiResponse;
import com.spatialintel.video.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@IntegrationTest
class LoginTests {

	@Autowired
	ApiClient api;

	@Autowired
	LoginTokens tokens;

	@Autowired
	UserRepository users;

	@Test
	void loginReturnsATwelveHourTokenAndTheUser() {
		ApiResponse response = api.post("/api/auth/login", null,
				Map.of("email", IntegrationTest.ADMIN_EMAIL, "password", IntegrationTest.ADMIN_PASSWORD));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.text("token")).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
		assertThat(Instant.parse(response.text("expires_at")))
			.isCloseTo(Instant.now().plus(Duration.ofHours(12)), within(Duration.ofMinutes(1)));
		assertThat(response.body().path("user").path("email").asString()).isEqualTo(IntegrationTest.ADMIN_EMAIL);
		assertThat(response.body().path("user").path("role").asString()).isEqualTo("ADMIN");
		assertThat(response.body().path("user").has("password_hash")).isFalse();

		ApiResponse me = api.get("/api/me", response.text("token"));
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.text("email")).isEqualTo(IntegrationTest.ADMIN_EMAIL);
	}

	@Test
	void loginIgnoresTheCaseOfTheEmailAddress() {
		ApiResponse response = api.post("/api/auth/login", null,
				Map.of("email", IntegrationTest.ADMIN_EMAIL.toUpperCase(), "password", IntegrationTest.ADMIN_PASSWORD));

		assertThat(response.status()).isEqualTo(200);
	}

	@Test
	void wrongPasswordAndUnknownUserGetTheSame401() {
		ApiResponse wrongPassword = api.post("/api/auth/login", null,
				Map.of("email", IntegrationTest.ADMIN_EMAIL, "password", "not-the-password"));
		ApiResponse unknownUser = api.post("/api/auth/login", null,
				Map.of("email", "nobody-" + UUID.randomUUID() + "@test.example", "password", "whatever-password"));

		assertThat(wrongPassword.status()).isEqualTo(401);
		assertThat(unknownUser.status()).isEqualTo(401);
		assertThat(wrongPassword.header("Content-Type")).isEqualTo("application/problem+json");
		assertThat(wrongPassword.detail()).isEqualTo("The e-mail address or password is incorrect.")
			.isEqualTo(unknownUser.detail());
	}

	@Test
	void emptyOrIncompleteLoginBodiesAre400() {
		ApiResponse noBody = api.sendRaw("POST", "/api/auth/login", null, "application/json", "");
		ApiResponse emptyObject = api.post("/api/auth/login", null, "{}");
		ApiResponse blankPassword = api.post("/api/auth/login", null, Map.of("email", "a@b.example", "password", " "));

		assertThat(noBody.status()).isEqualTo(400);
		assertThat(noBody.detail()).contains("request body is missing");
		assertThat(emptyObject.status()).isEqualTo(400);
		assertThat(emptyObject.detail()).contains("email must not be blank").contains("password must not be blank");
		assertThat(blankPassword.status()).isEqualTo(400);
		assertThat(blankPassword.detail()).contains("password must not be blank");
	}

	@Test
	void repeatedFailuresForOneAccountAreRateLimited() {
		String admin = api.adminToken();
		String email = ApiClient.unique("guessed") + "@test.example";
		api.post("/api/users", admin, Map.of("email", email, "password", "correct-password", "role", "VIEWER"));

		for (int attempt = 1; attempt <= 10; attempt++) {
			assertThat(api.post("/api/auth/login", null, Map.of("email", email, "password", "guess-" + attempt)).status())
				.isEqualTo(401);
		}
		ApiResponse refused = api.post("/api/auth/login", null, Map.of("email", email, "password", "correct-password"));

		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.detail()).startsWith("Too many failed sign-in attempts");
		assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 15 * 60L);
	}

	@Test
	void anExpiredTokenIsRefusedWithASentenceSayingSo() {
		UserAccount admin = users.findByEmail(IntegrationTest.ADMIN_EMAIL).orElseThrow();
		Instant issued = Instant.now().minus(Duration.ofHours(13));
		String expired = tokens.issue(admin, issued, issued.plus(Duration.ofHours(12))).token();

		ApiResponse response = api.get("/api/me", expired);

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.detail()).isEqualTo("Your sign-in has expired; sign in again.");
		assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
	}

	@Test
	void aTamperedTokenIsRefused() {
		String token = api.adminToken();
		String[] parts = token.split("\\.");
		String otherPayload = java.util.Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(("{\"sub\":\"" + UUID.randomUUID() + "\",\"role\":\"ADMIN\",\"iss\":\"spatial-intel-video\","
					+ "\"exp\":4102444800}").getBytes());
		String forgedPayload = parts[0] + "." + otherPayload + "." + parts[2];
		char last = parts[2].charAt(parts[2].length() - 2);
		String alteredSignature = parts[0] + "." + parts[1] + "."
				+ parts[2].substring(0, parts[2].length() - 2) + (last == 'A' ? 'B' : 'A') + parts[2].charAt(parts[2].length() - 1);

		for (String bad : new String[] { forgedPayload, alteredSignature, "not-a-jwt", token + "x" }) {
			ApiResponse response = api.get("/api/me", bad);
			assertThat(response.status()).as(bad).isEqualTo(401);
			assertThat(response.detail()).as(bad).startsWith("The bearer token is not valid");
		}
	}

	@Test
	void aTokenWithoutAnExpiryIsRefusedEvenWithTheRightSignature() {
		UserAccount admin = users.findByEmail(IntegrationTest.ADMIN_EMAIL).orElseThrow();
		javax.crypto.SecretKey key = new javax.crypto.spec.SecretKeySpec(
				IntegrationTest.JWT_SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256");
		org.springframework.security.oauth2.jwt.JwtClaimsSet claims = org.springframework.security.oauth2.jwt.JwtClaimsSet
			.builder()
			.issuer("spatial-intel-video")
			.subject(admin.id().toString())
			.issuedAt(Instant.now())
			.claim("email", admin.email())
			.claim("role", "ADMIN")
			.build();
		String forever = org.springframework.security.oauth2.jwt.NimbusJwtEncoder.withSecretKey(key)
			.build()
			.encode(org.springframework.security.oauth2.jwt.JwtEncoderParameters.from(
					org.springframework.security.oauth2.jwt.JwsHeader
						.with(org.springframework.security.oauth2.jose.jws.MacAlgorithm.HS256)
						.build(),
					claims))
			.getTokenValue();

		ApiResponse response = api.get("/api/me", forever);

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.detail()).startsWith("The bearer token is not valid");
	}

	@Test
	void aTokenSignedWithAnotherSecretIsRefused() {
		UserAccount admin = users.findByEmail(IntegrationTest.ADMIN_EMAIL).orElseThrow();
		AuthSettings otherSecret = new AuthSettings("another-secret-that-is-long-enough-0123456789",
				Duration.ofHours(12), IntegrationTest.ADMIN_EMAIL, null, 10, Duration.ofMinutes(15), 30, "unused:");
		String foreign = new LoginTokens(otherSecret, java.time.Clock.systemUTC()).issue(admin).token();

		assertThat(api.get("/api/me", foreign).status()).isEqualTo(401);
	}

	@Test
	void withoutATokenEveryApiRouteIs401() {
		for (String path : new String[] { "/api/me", "/api/malls", "/api/users", "/api/malls/" + UUID.randomUUID() + "/pins" }) {
			ApiResponse response = api.get(path, null);
			assertThat(response.status()).as(path).isEqualTo(401);
			assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
			assertThat(response.detail()).startsWith("Sign in first");
		}
	}

}
