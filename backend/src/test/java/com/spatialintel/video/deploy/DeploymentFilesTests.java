package com.spatialintel.video.deploy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.spatialintel.video.testing.UnitTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No container engine runs here, so this checks what can be checked of {@code deploy/} without one:
 * the compose file parses and wires the services as documented, every variable it uses is in
 * {@code .env.example} and is a setting the app knows, the secrets there are placeholders the app
 * refuses, and the Dockerfile's port, health check and user are the ones the operations guide names.
 * {@link ComposeTopologyIT} runs the web and worker services' environment for real.
 */
@UnitTest
class DeploymentFilesTests {

	private static final List<String> SECRETS = List.of("JWT_SECRET", "SIGNING_SECRET", "S3_SECRET_KEY",
			"DATABASE_PASSWORD", "ADMIN_PASSWORD");

	@Test
	void everyVariableTheComposeFileUsesIsInTheEnvExampleAndIsASettingTheAppKnows() {
		Set<String> used = DeploymentFiles.variablesUsed();
		Map<String, String> example = DeploymentFiles.envFile(DeploymentFiles.ENV_EXAMPLE);

		assertThat(used).isNotEmpty();
		assertThat(example.keySet()).as(".env.example").containsAll(used);
		assertThat(used).as("nothing in .env.example is left unused").containsAll(example.keySet());
		assertThat(DeploymentFiles.documentedSettings()).as("README's Configuration table").containsAll(used);
	}

	@Test
	void theWebAndWorkerServicesGetOnlySettingsTheAppKnows() {
		Set<String> known = DeploymentFiles.documentedSettings();
		for (String service : List.of("web", "worker")) {
			assertThat(known).as(service + "'s environment").containsAll(DeploymentFiles.rawEnvironment(service).keySet());
		}
	}

	@Test
	void theSecretsInTheEnvExampleArePlaceholdersThatCannotPassForSecrets() {
		Map<String, String> example = DeploymentFiles.envFile(DeploymentFiles.ENV_EXAMPLE);
		for (String secret : SECRETS) {
			assertThat(example.get(secret)).as(secret).startsWith("CHANGE-ME");
		}
		assertThat(DeploymentFiles.read(DeploymentFiles.ENV_EXAMPLE)).contains("openssl rand");
	}

	@Test
	void theServicesAreWiredAsTheOperationsGuideSays() {
		assertThat(DeploymentFiles.compose().get("services")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsKeys("postgres", "redis", "minio", "web", "worker");
		Map<String, String> web = DeploymentFiles.rawEnvironment("web");
		Map<String, String> worker = DeploymentFiles.rawEnvironment("worker");
		assertThat(web).containsEntry("APP_ROLE", "web").containsEntry("S3_ENDPOINT", "http://minio:9000");
		assertThat(worker).containsEntry("APP_ROLE", "worker");
		assertThat(web.get("S3_PUBLIC_ENDPOINT")).isEqualTo("${S3_PUBLIC_ENDPOINT}");
		assertThat(DeploymentFiles.service("web").get("ports")).asList().containsExactly("8080:8080");
		assertThat(DeploymentFiles.service("worker")).as("scalable with --scale worker=N")
			.doesNotContainKeys("ports", "container_name");
		for (String app : List.of("web", "worker")) {
			assertThat(DeploymentFiles.service(app).get("depends_on")).as(app)
				.isEqualTo(Map.of("postgres", Map.of("condition", "service_healthy"), "redis",
						Map.of("condition", "service_healthy"), "minio", Map.of("condition", "service_healthy")));
		}
		for (String dependency : List.of("postgres", "redis", "minio")) {
			assertThat(DeploymentFiles.service(dependency)).as(dependency).containsKey("healthcheck");
		}
		assertThat(DeploymentFiles.service("postgres").get("volumes")).asList().isNotEmpty();
		assertThat(DeploymentFiles.service("minio").get("ports")).asList().containsExactly("9000:9000", "9001:9001");
		assertThat(DeploymentFiles.rawEnvironment("minio")).containsKeys("MINIO_ROOT_USER", "MINIO_ROOT_PASSWORD")
			.containsEntry("MINIO_API_CORS_ALLOW_ORIGIN", "${PUBLIC_BASE_URL}");
	}

	@Test
	void theImageRunsAsTheDocumentedUserOnTheDocumentedPortWithAHealthCheck() {
		String dockerfile = DeploymentFiles.read(DeploymentFiles.DOCKERFILE);
		String guide = DeploymentFiles.read(DeploymentFiles.ROOT.resolve("docs/operations.md"));

		String expose = lastArgument(dockerfile, "EXPOSE");
		String user = lastArgument(dockerfile, "USER");
		assertThat(expose).isEqualTo("8080");
		assertThat(user).isNotIn("root", "0");
		assertThat(dockerfile).containsPattern("(?m)^FROM .*AS build$").containsPattern("(?m)^FROM debian:[a-z]+-slim$")
			.contains("./mvnw").contains("ffmpeg").contains("-XX:MaxRAMPercentage=").contains("VOLUME [\"/tmp\"]");
		assertThat(lastArgument(dockerfile, "HEALTHCHECK")).contains("/actuator/health");
		assertThat(guide).as("docs/operations.md names the image's port, user, health check and scratch volume")
			.contains("port " + expose)
			.contains("user `" + user + "`")
			.contains("`/actuator/health`")
			.contains("`/tmp`");
	}

	@Test
	void theBuildContextLeavesOutDataBuildOutputAndDependencies() {
		Set<String> ignored = new TreeSet<>(List.of(DeploymentFiles.read(DeploymentFiles.ROOT.resolve(".dockerignore")).split("\n")));

		assertThat(ignored).contains("data/", "**/target/", "**/node_modules/", "deploy/.env");
	}

	/** The last instruction of that name, with its continuation lines, without the keyword. */
	private static String lastArgument(String dockerfile, String instruction) {
		Matcher matcher = Pattern.compile("(?m)^" + instruction + "\\s+((?:.*\\\\\\n)*.*)$").matcher(dockerfile);
		String last = null;
		while (matcher.find()) {
			last = matcher.group(1).strip();
		}
		assertThat(last).as("Dockerfile has " + instruction).isNotNull();
		return last;
	}

}
