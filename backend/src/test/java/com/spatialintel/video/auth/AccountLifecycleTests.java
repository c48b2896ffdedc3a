package com.spatialintel.video.auth;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.spatialintel.video.testing.ApiClient;
import com.spatialintel.video.testing.ApiResponse;
import com.spatialintel.video.testing.IntegrationTest;
import com.spatialintel.video.testing.TestDatabase;
import com.spatialintel.video.testing.TestVideos;
import com.spatialintel.video.testing.Uploads;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An account's lifecycle: disabled, enabled, demoted, its password reset or changed, deleted; a
 * disabled account and a token from before a password change are refused at their next request;
 * the last active admin stays.
 */
@IntegrationTest
class AccountLifecycleTests {

	/** "The last active admin" counts the admins of the database: this class has one of its own. */
	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		String url = TestDatabase.createForSession("siv_accounts");
		registry.add("spring.datasource.url", () -> url);
	}

	@Autowired
	ApiClient api;

	@Test
	void aDisabledUsersTokenIsRefusedAtOnceAndTheyCannotSignIn() {
		String admin = api.adminToken();
		User operator = user(admin, "OPERATOR");
		assertThat(api.get("/api/me", operator.token()).status()).isEqualTo(200);

		ApiResponse disabled = patch(admin, operator.id(), "{\"disabled\":true}");
		assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
		assertThat(disabled.body().path("disabled").asBoolean()).isTrue();

		ApiResponse refused = api.get("/api/me", operator.token());
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.detail()).isEqualTo("This account is disabled; ask an admin to enable it.");
		ApiResponse signIn = api.post("/api/auth/login", null, Map.of("email", operator.email(), "password", operator.password()));
		assertThat(signIn.status()).isEqualTo(401);
		assertThat(signIn.detail()).isEqualTo("This account is disabled; ask an admin to enable it.");
		ApiResponse wrongPassword = api.post("/api/auth/login", null, Map.of("email", operator.email(), "password", "not-it-at-all"));
		assertThat(wrongPassword.detail()).isEqualTo("The e-mail address or password is incorrect.");

		assertThat(patch(admin, operator.id(), "{\"disabled\":false}").body().path("disabled").asBoolean()).isFalse();
		// the token of before stays refused (disabling ended it); a new sign-in works
		assertThat(api.get("/api/me", operator.token()).status()).isEqualTo(401);
		assertThat(api.get("/api/me", api.login(operator.email(), operator.password())).status()).isEqualTo(200);
	}

	@Test
	void aPasswordChangeEndsTheTokensIssuedBeforeItAndNeedsTheCurrentPassword() {
		String admin = api.adminToken();
		User viewer = user(admin, "VIEWER");
		String otherDevice = api.login(viewer.email(), viewer.password());

		ApiResponse wrong = api.post("/api/me/password", viewer.token(),
				Map.of("current_password", "not-the-password", "new_password", "a-new-password-1"));
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.detail()).isEqualTo("The current password is not right; nothing was changed.");
		assertThat(api.get("/api/me", viewer.token()).status()).isEqualTo(200);
		ApiResponse tooShort = api.post("/api/me/password", viewer.token(),
				Map.of("current_password", viewer.password(), "new_password", "short"));
		assertThat(tooShort.status()).isEqualTo(400);

		ApiResponse changed = api.post("/api/me/password", viewer.token(),
				Map.of("current_password", viewer.password(), "new_password", "a-new-password-1"));
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		String fresh = changed.text("token");

		for (String before : List.of(viewer.token(), otherDevice)) {
			ApiResponse refused = api.get("/api/me", before);
			assertThat(refused.status()).isEqualTo(401);
			assertThat(refused.detail()).isEqualTo("The password of this account changed after you signed in; sign in again.");
		}
		assertThat(api.get("/api/me", fresh).status()).isEqualTo(200);
		assertThat(api.post("/api/auth/login", null, Map.of("email", viewer.email(), "password", viewer.password())).status())
			.isEqualTo(401);
		assertThat(api.login(viewer.email(), "a-new-password-1")).isNotBlank();
	}

	@Test
	void anAdminResetsAPasswordAndChangesARole() {
		String admin = api.adminToken();
		User viewer = user(admin, "VIEWER");

		ApiResponse reset = api.post("/api/users/" + viewer.id() + "/password", admin, Map.of("new_password", "reset-password-1"));
		assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
		assertThat(api.get("/api/me", viewer.token()).status()).isEqualTo(401);
		String again = api.login(viewer.email(), "reset-password-1");

		ApiResponse promoted = patch(admin, viewer.id(), "{\"role\":\"OPERATOR\"}");
		assertThat(promoted.text("role")).isEqualTo("OPERATOR");
		// a role change takes effect at the next request, the token stays valid
		assertThat(api.get("/api/me", again).text("role")).isEqualTo("OPERATOR");
		assertThat(patch(admin, viewer.id(), "{}").status()).isEqualTo(400);
		assertThat(patch(admin, viewer.id(), "{\"role\":\"ROOT\"}").status()).isEqualTo(400);
		assertThat(patch(admin, UUID.randomUUID(), "{\"role\":\"VIEWER\"}").status()).isEqualTo(404);
		assertThat(patch(again, viewer.id(), "{\"role\":\"ADMIN\"}").status()).isEqualTo(403);
	}

	@Test
	void theLastActiveAdminCanBeNeitherDisabledNorDemotedNorDeleted() {
		String admin = api.adminToken();
		UUID firstAdmin = UUID.fromString(api.get("/api/me", admin).text("id"));
		User second = user(admin, "ADMIN");

		// with two admins, one may go
		assertThat(patch(admin, second.id(), "{\"role\":\"OPERATOR\"}").status()).isEqualTo(200);
		ApiResponse demote = patch(admin, firstAdmin, "{\"role\":\"VIEWER\"}");
		assertThat(demote.status()).isEqualTo(409);
		assertThat(demote.detail()).isEqualTo(
				IntegrationTest.ADMIN_EMAIL + " is the last active admin: make another user an admin before you demote this one.");
		ApiResponse disable = patch(admin, firstAdmin, "{\"disabled\":true}");
		assertThat(disable.status()).isEqualTo(409);
		assertThat(disable.detail()).contains("before you disable this one");
		assertThat(api.delete("/api/users/" + firstAdmin, admin).status()).isEqualTo(409);
		assertThat(api.get("/api/me", admin).text("role")).isEqualTo("ADMIN");
		patch(admin, second.id(), "{\"role\":\"ADMIN\"}");
	}

	@Test
	void aUserWhoNeverUploadedIsDeletedOneWhoDidIsDisabledInstead() {
		String admin = api.adminToken();
		User viewer = user(admin, "VIEWER");
		assertThat(api.delete("/api/users/" + viewer.id(), admin).status()).isEqualTo(204);
		assertThat(api.get("/api/me", viewer.token()).status()).isEqualTo(401);
		assertThat(api.delete("/api/users/" + viewer.id(), admin).status()).isEqualTo(404);

		UUID mallId = api.createMall(admin);
		UUID pinId = api.createPin(admin, mallId);
		User operator = user(admin, "OPERATOR", mallId);
		ApiResponse uploaded = new Uploads(api, operator.token(), mallId, pinId)
			.uploadWhole(TestVideos.small("kept-uploader", 160, 120, false));
		assertThat(uploaded.status()).isEqualTo(200);
		ApiResponse kept = api.delete("/api/users/" + operator.id(), admin);
		assertThat(kept.status()).as(kept.toString()).isEqualTo(200);
		assertThat(kept.text("detail")).isEqualTo(operator.email()
				+ " uploaded videos, so the account is kept for the record and disabled instead of deleted.");
		assertThat(kept.body().path("user").path("disabled").asBoolean()).isTrue();
		assertThat(api.get("/api/me", operator.token()).status()).isEqualTo(401);

		UUID self = UUID.fromString(api.get("/api/me", admin).text("id"));
		assertThat(api.delete("/api/users/" + self, admin).detail()).isEqualTo("You cannot delete your own account; another admin can.");
	}

	private ApiResponse patch(String token, UUID userId, String body) {
		return api.sendRaw("PATCH", "/api/users/" + userId, token, "application/json", body);
	}

	private User user(String admin, String role, UUID... mallIds) {
		String email = ApiClient.unique(role.toLowerCase()) + "@test.example";
		String password = "password-" + UUID.randomUUID();
		ApiResponse created = api.post("/api/users", admin,
				Map.of("email", email, "password", password, "role", role, "mall_ids", List.of(mallIds)));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return new User(UUID.fromString(created.text("id")), email, password, api.login(email, password));
	}

	private record User(UUID id, String email, String password, String token) {
	}

}
