package com.spatialintel.video.runtime;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.spatialintel.video.database.DatabaseUrl;
import com.spatialintel.video.database.SqlDialect;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Decides the {@link RuntimeMode} before anything starts. Without {@code DATABASE_URL} (or
 * {@code SPRING_DATASOURCE_URL}) the app runs embedded: an H2 file database, generated secrets and,
 * without {@code S3_ENDPOINT}, an S3Proxy, all under {@code DATA_DIR}. With one, every secret and
 * the S3 settings must be given, or start-up stops with a sentence naming the missing variable.
 * Without {@code REDIS_URL} each node counts failed sign-ins in memory.
 */
public class RuntimeEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	private static final List<Secret> SECRETS = List.of(
			new Secret("JWT_SECRET", "app.auth.jwt-secret", "sign login tokens"),
			new Secret("SIGNING_SECRET", "app.streaming.signing-secret", "sign video stream URLs"));

	private static final String LOCAL_S3_ACCESS_KEY = "spatial-intel-local";

	/** Settings whose value is a credential: none may keep the placeholder of {@code deploy/.env.example}. */
	private static final List<String> CREDENTIALS = List.of("JWT_SECRET", "SIGNING_SECRET", "SIGNING_SECRET_PREVIOUS",
			"S3_SECRET_KEY", "DATABASE_URL", "DATABASE_PASSWORD", "ADMIN_PASSWORD",
			"JOBS_DASHBOARD_PASSWORD", "EVIDENCE_SIGNING_KEY");

	/** How every placeholder in {@code deploy/.env.example} starts; no real secret does. */
	private static final String PLACEHOLDER_MARK = "CHANGE-ME";

	@Override
	public int getOrder() {
		return ConfigDataEnvironmentPostProcessor.ORDER + 1;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		refusePlaceholders(environment);
		Map<String, Object> derived = new LinkedHashMap<>();
		Path dataDir = Path.of(valueOf(environment, "DATA_DIR", "./data")).toAbsolutePath().normalize();
		derived.put("app.data-dir", dataDir.toString());

		String explicitJdbcUrl = valueOf(environment, "spring.datasource.url", null);
		String databaseUrl = valueOf(environment, "DATABASE_URL", null);
		RuntimeMode mode = explicitJdbcUrl == null && databaseUrl == null ? RuntimeMode.EMBEDDED : RuntimeMode.EXTERNAL;
		derived.put(RuntimeMode.PROPERTY, mode.name());

		String jdbcUrl;
		if (mode == RuntimeMode.EMBEDDED) {
			environment.addActiveProfile(RuntimeMode.LOCAL_PROFILE);
			jdbcUrl = "jdbc:h2:file:" + dataDir.resolve("db") + SqlDialect.H2_OPTIONS;
			derived.put("spring.datasource.url", jdbcUrl);
			derived.put("spring.datasource.username", "sa");
			derived.put("spring.datasource.password", "");
			LocalSecrets localSecrets = LocalSecrets.in(dataDir);
			for (Secret secret : SECRETS) {
				derived.put(secret.property(), givenOrGenerated(environment, secret, localSecrets));
			}
			if (valueOf(environment, "EVIDENCE_SIGNING_KEY", null) == null) {
				derived.put("app.evidence.key-file", dataDir.resolve("evidence-signing-key.pem").toString());
			}
			if (valueOf(environment, "S3_ENDPOINT", null) == null) {
				derived.put("app.storage.embedded-server", "true");
				derived.put("app.storage.access-key", valueOf(environment, "S3_ACCESS_KEY", LOCAL_S3_ACCESS_KEY));
				String s3SecretKey = valueOf(environment, "S3_SECRET_KEY", null);
				derived.put("app.storage.secret-key",
						s3SecretKey != null ? s3SecretKey : localSecrets.getOrCreate("S3_SECRET_KEY"));
			}
			else {
				requireS3Credentials(environment);
			}
		}
		else {
			jdbcUrl = explicitJdbcUrl != null ? explicitJdbcUrl : fromDatabaseUrl(databaseUrl, environment, derived);
			putUnlessSet(environment, derived, "spring.datasource.username", valueOf(environment, "DATABASE_USER", null));
			putUnlessSet(environment, derived, "spring.datasource.password", valueOf(environment, "DATABASE_PASSWORD", null));
			SECRETS.forEach(secret -> secret.require(valueOf(environment, secret.variable(), null)));
			if (valueOf(environment, "S3_ENDPOINT", null) == null) {
				throw MissingSettingException.missing("S3_ENDPOINT", "store videos", "http://minio:9000");
			}
			requireS3Credentials(environment);
			if (valueOf(environment, "LOG_FORMAT", null) == null) {
				derived.put("logging.structured.format.console", "ecs");
			}
		}
		String role = valueOf(environment, "APP_ROLE", "all").toLowerCase(java.util.Locale.ROOT);
		if (!List.of("all", "web", "worker").contains(role)) {
			throw MissingSettingException.missing("APP_ROLE", "know whether to serve the API, run workers or both", "all (or web, or worker)");
		}
		derived.put("app.role", role);
		derived.put("jobrunr.background-job-server.enabled", String.valueOf(!role.equals("web")));
		String dashboardPort = valueOf(environment, "JOBS_DASHBOARD_PORT", null);
		if (dashboardPort != null) {
			String password = valueOf(environment, "JOBS_DASHBOARD_PASSWORD", null);
			if (password == null) {
				throw MissingSettingException.missing("JOBS_DASHBOARD_PASSWORD",
						"protect the job dashboard on JOBS_DASHBOARD_PORT (user 'admin')", "<a strong password>");
			}
			derived.put("jobrunr.dashboard.enabled", "true");
			derived.put("jobrunr.dashboard.port", dashboardPort);
			derived.put("jobrunr.dashboard.username", "admin");
			derived.put("jobrunr.dashboard.password", password);
		}
		if (valueOf(environment, "REDIS_URL", null) == null) {
			derived.put("app.redis.enabled", "false");
			derived.put("management.health.redis.enabled", "false");
		}
		else {
			derived.put("app.redis.enabled", "true");
			derived.put("spring.data.redis.url", valueOf(environment, "REDIS_URL", null));
		}
		SqlDialect dialect = SqlDialect.fromJdbcUrl(jdbcUrl);
		derived.put("app.sql-dialect", dialect.name());
		derived.put("spring.flyway.placeholders.json_type", dialect.jsonColumnType());
		environment.getPropertySources().addFirst(new MapPropertySource("runtimeMode", derived));
	}

	private static String givenOrGenerated(ConfigurableEnvironment environment, Secret secret,
			LocalSecrets localSecrets) {
		String given = valueOf(environment, secret.variable(), null);
		if (given == null) {
			return localSecrets.getOrCreate(secret.variable());
		}
		secret.require(given);
		return given;
	}

	private static void requireS3Credentials(ConfigurableEnvironment environment) {
		if (valueOf(environment, "S3_ACCESS_KEY", null) == null) {
			throw MissingSettingException.missing("S3_ACCESS_KEY", "sign in to S3 at S3_ENDPOINT", "minioadmin");
		}
		if (valueOf(environment, "S3_SECRET_KEY", null) == null) {
			throw MissingSettingException.missing("S3_SECRET_KEY", "sign in to S3 at S3_ENDPOINT", "<the S3 secret key>");
		}
	}

	private static String fromDatabaseUrl(String databaseUrl, ConfigurableEnvironment environment,
			Map<String, Object> derived) {
		DatabaseUrl parsed = DatabaseUrl.parse(databaseUrl);
		derived.put("spring.datasource.url", parsed.jdbcUrl());
		putUnlessSet(environment, derived, "spring.datasource.username", parsed.username());
		putUnlessSet(environment, derived, "spring.datasource.password", parsed.password());
		return parsed.jdbcUrl();
	}

	/** The first source that names a value wins: Spring's own property, then the URL, then DATABASE_USER/_PASSWORD. */
	private static void putUnlessSet(ConfigurableEnvironment environment, Map<String, Object> derived, String property,
			String value) {
		if (value != null && valueOf(environment, property, null) == null && !derived.containsKey(property)) {
			derived.put(property, value);
		}
	}

	private static void refusePlaceholders(ConfigurableEnvironment environment) {
		for (String variable : CREDENTIALS) {
			String value = valueOf(environment, variable, null);
			if (value != null && value.toUpperCase(java.util.Locale.ROOT).contains(PLACEHOLDER_MARK)) {
				throw MissingSettingException.placeholder(variable);
			}
		}
	}

	/** A blank value counts as unset, so {@code DATABASE_URL=} switches back to the embedded mode. */
	private static String valueOf(ConfigurableEnvironment environment, String name, String fallback) {
		String value = environment.getProperty(name);
		return value == null || value.isBlank() ? fallback : value.trim();
	}

	/** A secret, the application property it feeds, and what it is for. */
	private record Secret(String variable, String property, String purpose) {

		void require(String value) {
			if (value == null) {
				throw MissingSettingException.missingSecret(variable, purpose);
			}
			if (value.length() < LocalSecrets.MINIMUM_LENGTH) {
				throw MissingSettingException.shortSecret(variable, purpose, value.length());
			}
		}

	}

}
