package com.spatialintel.video.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.spatialintel.video.database.DbTime;
import com.spatialintel.video.testing.ApiClient;
import com.spatialintel.video.testing.ApiResponse;
import com.spatialintel.video.testing.IntegrationTest;
import com.spatialintel.video.testing.Rows;
import com.spatialintel.video.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit log on PostgreSQL: each audited action's row with its actor, outcome and ids; one chain
 * however many writers; the trigger; a changed or removed row named by verify; the CSV; ADMIN only;
 * the log's own retention leaves a chain that still verifies.
 */
@IntegrationTest
class AuditLogTests {

	/** Verify walks the whole chain and tampering breaks it: this class has a database of its own. */
	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		String url = TestDatabase.createForSession("siv_audit");
		registry.add("spring.datasource.url", () -> url);
	}

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditLog log;

	@Autowired
	AuditRetention retention;

	@Test
	void eachAuditedActionIsARowWithItsActorOutcomeAndIds() {
		String admin = api.adminToken();
		UUID adminId = UUID.fromString(api.get("/api/me", admin).text("id"));
		api.post("/api/auth/login", null, Map.of("email", IntegrationTest.ADMIN_EMAIL, "password", "wrong-password!"));
		UUID mall = api.createMall(admin);
		UUID pin = api.createPin(admin, mall);
		UUID otherMall = api.createMall(admin);
		String outsiderEmail = ApiClient.unique("outsider") + "@test.example";
		api.post("/api/users", admin, Map.of("email", outsiderEmail, "password", "outsider-password", "role", "OPERATOR",
				"mall_ids", List.of(otherMall)));
		String outsider = api.login(outsiderEmail, "outsider-password");
		assertThat(api.get("/api/malls/" + mall + "/pins/" + pin + "/videos", admin).status()).isEqualTo(200);
		UUID video = new Rows(jdbc, Clock.systemUTC()).video(mall, pin).processed().insert();
		assertThat(api.get("/api/videos/" + video + "/stream-url", admin).status()).isEqualTo(200);
		assertThat(api.get("/api/malls/" + mall + "/pins/" + pin + "/videos", outsider).status()).isEqualTo(404);
		assertThat(api.delete("/api/videos/" + video, admin).status()).isIn(204, 202);

		List<JsonNode> rows = entries("limit=500");
		JsonNode signIn = find(rows, "auth.sign_in", "success", IntegrationTest.ADMIN_EMAIL);
		assertThat(signIn.path("actor_user_id").asString()).isEqualTo(adminId.toString());
		assertThat(signIn.path("client_address").asString()).isEqualTo("127.0.0.1");
		JsonNode wrong = find(rows, "auth.sign_in", "failure", IntegrationTest.ADMIN_EMAIL);
		assertThat(wrong.path("detail").path("reason").asString()).isEqualTo("wrong_credentials");
		assertThat(find(rows, "mall.mall_created", "success", IntegrationTest.ADMIN_EMAIL).path("mall_id").asString())
			.isIn(mall.toString(), otherMall.toString());
		JsonNode created = find(rows, "account.created", "success", IntegrationTest.ADMIN_EMAIL);
		assertThat(created.path("detail").path("email").asString()).isEqualTo(outsiderEmail);
		JsonNode list = find(rows, "video.list", "success", IntegrationTest.ADMIN_EMAIL);
		assertThat(list.path("mall_id").asString()).isEqualTo(mall.toString());
		assertThat(list.path("pin_id").asString()).isEqualTo(pin.toString());
		JsonNode play = find(rows, "video.play", "success", IntegrationTest.ADMIN_EMAIL);
		assertThat(play.path("video_id").asString()).isEqualTo(video.toString());
		JsonNode denied = find(rows, "access.refused", "denied", outsiderEmail);
		assertThat(denied.path("mall_id").asString()).isEqualTo(mall.toString());
		JsonNode deleted = find(rows, "video.delete", "success", IntegrationTest.ADMIN_EMAIL);
		assertThat(deleted.path("video_id").asString()).isEqualTo(video.toString());
		assertThat(deleted.path("detail").path("sha256").asString()).hasSize(64);

		// filters: by user (e-mail or id), action family, mall, time
		assertThat(entries("user=" + outsiderEmail)).allMatch(row -> row.path("actor_email").asString().equals(outsiderEmail));
		assertThat(entries("user=" + adminId)).isNotEmpty().allMatch(row -> row.path("actor_user_id").asString().equals(adminId.toString()));
		assertThat(entries("action=account.")).isNotEmpty().allMatch(row -> row.path("action").asString().startsWith("account."));
		assertThat(entries("mall_id=" + mall)).isNotEmpty().allMatch(row -> row.path("mall_id").asString().equals(mall.toString()));
		assertThat(entries("from=2199-01-01T00:00:00Z")).isEmpty();
		assertThat(api.get("/api/admin/audit?from=yesterday", admin).status()).isEqualTo(400);
		assertThat(api.get("/api/admin/audit?limit=0", admin).status()).isEqualTo(400);
		assertThat(verify().path("valid").asBoolean()).isTrue();
	}

	@Test
	void manyWritersAndSealersAtOnceKeepOneValidChain() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> work = new ArrayList<>();
			for (int writer = 0; writer < 6; writer++) {
				int w = writer;
				work.add(pool.submit(() -> {
					for (int i = 0; i < 50; i++) {
						log.record(new AuditLog.Actor(null, "writer-" + w), "test.concurrent", AuditOutcome.SUCCESS, null, null,
								null, Map.of("i", i));
						if (i % 10 == 0) {
							log.seal();
						}
					}
				}));
			}
			for (int sealer = 0; sealer < 2; sealer++) {
				work.add(pool.submit(() -> {
					for (int i = 0; i < 20; i++) {
						log.seal();
					}
				}));
			}
			for (Future<?> done : work) {
				done.get();
			}
		}
		finally {
			pool.shutdown();
		}
		log.seal();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'test.concurrent'").query(Long.class).single())
			.isEqualTo(300);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_inbox").query(Long.class).single()).isZero();
		JsonNode verdict = verify();
		assertThat(verdict.path("valid").asBoolean()).as(verdict.toString()).isTrue();
		assertThat(verdict.path("checked_rows").asLong()).isGreaterThanOrEqualTo(300);
	}

	@Test
	void theTriggerRefusesChangesAndVerifyNamesTheRowChangedOrRemovedBehindItsBack() {
		String admin = api.adminToken();
		api.createMall(admin);
		log.seal();
		long seq = jdbc.sql("SELECT MAX(seq) FROM audit_log").query(Long.class).single();
		assertThatThrownBy(() -> jdbc.sql("UPDATE audit_log SET actor_email = 'someone@else' WHERE seq = ?").param(seq).update())
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("audit_log is append-only: UPDATE is refused");
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_log WHERE seq = ?").param(seq).update())
			.isInstanceOf(DataAccessException.class);

		String original = jdbc.sql("SELECT actor_email FROM audit_log WHERE seq = ?").param(seq - 1).query(String.class).single();
		jdbc.sql("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only").update();
		try {
			jdbc.sql("UPDATE audit_log SET actor_email = 'someone@else' WHERE seq = ?").param(seq - 1).update();
			JsonNode changed = verify();
			assertThat(changed.path("valid").asBoolean()).isFalse();
			assertThat(changed.path("first_broken_seq").asLong()).isEqualTo(seq - 1);
			assertThat(changed.path("reason").asString()).contains("the row was changed");
			jdbc.sql("UPDATE audit_log SET actor_email = ? WHERE seq = ?").params(original, seq - 1).update();
			assertThat(verify().path("valid").asBoolean()).isTrue();

			Map<String, Object> removed = jdbc.sql("SELECT * FROM audit_log WHERE seq = ?").param(seq - 1).query().singleRow();
			jdbc.sql("DELETE FROM audit_log WHERE seq = ?").param(seq - 1).update();
			JsonNode gap = verify();
			assertThat(gap.path("valid").asBoolean()).isFalse();
			assertThat(gap.path("first_broken_seq").asLong()).isEqualTo(seq);
			jdbc.sql("""
					INSERT INTO audit_log (seq, id, at, actor_user_id, actor_email, client_address, action, outcome, mall_id,
					    pin_id, video_id, detail, prev_hash, row_hash)
					VALUES (:seq, :id, :at, :actor_user_id, :actor_email, :client_address, :action, :outcome, :mall_id,
					    :pin_id, :video_id, :detail, :prev_hash, :row_hash)""").params(removed).update();
		}
		finally {
			jdbc.sql("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only").update();
		}
		assertThat(verify().path("valid").asBoolean()).isTrue();
	}

	@Test
	void theCsvHoldsTheSameRowsAsTheJsonAndOnlyAdminsReadAnything() throws Exception {
		String admin = api.adminToken();
		api.createMall(admin);
		List<JsonNode> json = entries("action=mall.&limit=500");
		var client = java.net.http.HttpClient.newHttpClient();
		var response = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.baseUrl()
				+ "/api/admin/audit/export.csv?action=mall.")).header("Authorization", "Bearer " + admin).build(),
				java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
		List<String> lines = response.body().lines().toList();
		assertThat(lines.get(0)).startsWith("seq,at,actor_user_id,actor_email");
		assertThat(lines).hasSize(json.size() + 1);
		for (int i = 0; i < json.size(); i++) {
			assertThat(lines.get(i + 1)).startsWith(json.get(i).path("seq").asLong() + ",");
			assertThat(lines.get(i + 1)).endsWith(json.get(i).path("row_hash").asString());
		}

		String operator = api.tokenFor(admin, "OPERATOR");
		for (String path : List.of("/api/admin/audit", "/api/admin/audit/export.csv", "/api/admin/audit/verify")) {
			assertThat(api.get(path, operator).status()).as(path).isEqualTo(403);
			assertThat(api.get(path, null).status()).as(path).isEqualTo(401);
		}
	}

	@Test
	void theLogsOwnRetentionLeavesACheckpointAndAChainThatVerifies() {
		Instant old = Instant.now().minus(Duration.ofDays(500));
		for (int i = 0; i < 3; i++) {
			jdbc.sql("INSERT INTO audit_inbox (id, at, actor_email, action, outcome) VALUES (?, ?, 'old@test.example', 'test.old', 'success')")
				.params(UUID.randomUUID(), DbTime.of(old.plusSeconds(i)))
				.update();
		}
		log.seal();
		assertThat(retention.run()).isGreaterThanOrEqualTo(3);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'test.old'").query(Long.class).single()).isZero();
		List<JsonNode> checkpoints = entries("action=audit.retention");
		assertThat(checkpoints).isNotEmpty();
		assertThat(checkpoints.get(0).path("outcome").asString()).isEqualTo("checkpoint");
		JsonNode verdict = verify();
		assertThat(verdict.path("valid").asBoolean()).as(verdict.toString()).isTrue();
	}

	private List<JsonNode> entries(String query) {
		ApiResponse response = api.get("/api/admin/audit?" + query, api.adminToken());
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		List<JsonNode> rows = new ArrayList<>();
		response.body().path("entries").forEach(rows::add);
		return rows;
	}

	private JsonNode verify() {
		ApiResponse response = api.get("/api/admin/audit/verify", api.adminToken());
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.body();
	}

	private static JsonNode find(List<JsonNode> rows, String action, String outcome, String email) {
		return rows.stream()
			.filter(row -> row.path("action").asString().equals(action) && row.path("outcome").asString().equals(outcome)
					&& row.path("actor_email").asString().equals(email))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + action + "/" + outcome + " row of " + email + " in " + rows));
	}

}
