package com.spatialintel.video.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/**
 * The application as production runs it: the real HTTP server on a random port, PostgreSQL
 * through {@code DATABASE_URL} (this run's own database), secrets given as variables. It serves
 * the API only ({@code APP_ROLE=web}); a test of the workers sets {@code APP_ROLE=all}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "JWT_SECRET=" + IntegrationTest.JWT_SECRET, "SIGNING_SECRET=test-signing-secret-0123456789abcdef",
				"EVIDENCE_SIGNING_KEY=" + IntegrationTest.EVIDENCE_SIGNING_KEY,
				"ADMIN_EMAIL=" + IntegrationTest.ADMIN_EMAIL, "ADMIN_PASSWORD=" + IntegrationTest.ADMIN_PASSWORD,
				"LOG_FORMAT=text", "DATABASE_POOL_SIZE=5", "APP_ROLE=web",
				// a context still cached when the run's databases are dropped stops in seconds, not after 30 s
				"spring.datasource.hikari.connection-timeout=3000" })
@Import(ApiClient.class)
public @interface IntegrationTest {

	String JWT_SECRET = "test-jwt-secret-0123456789abcdefghijklmnop";

	/** An Ed25519 key for tests only (openssl genpkey -algorithm ed25519 -outform DER | base64 -w0). */
	String EVIDENCE_SIGNING_KEY = "MC4CAQAwBQYDK2VwBCIEINsIZ32t48aqjclf8oxJ+r7iTp1R9kJrflfiWdpZrl5f";

	String ADMIN_EMAIL = "admin@test.example";

	String ADMIN_PASSWORD = "admin-password-for-tests";

}
