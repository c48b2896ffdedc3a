package com.spatialintel.video.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.spatialintel.video.testing.ApiClient;
import com.spatialintel.video.testing.ApiResponse;
import com.spatialintel.video.testing.IntegrationTest;
import com.spatialintel.video.testing.TestDatabase;
import com.spatialintel.video.testing.TestS3Server;
import com.spatialintel.video.testing.TestVideos;
import com.spatialintel.video.testing.Uploads;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The compose topology run for real, without containers: the packaged jar started three times,
 * once with the {@code web} service's environment and twice with the {@code worker} service's,
 * exactly as {@code deploy/docker-compose.yml} gives them from an env file made of
 * {@code deploy/.env.example}. Only what a container would make different is changed: the
 * services' addresses ({@code postgres:5432}, {@code redis:6379}, {@code minio:9000}) point at the
 * local PostgreSQL (a database of this run), the local Redis and the test S3 server; each process
 * gets a port and a {@code /tmp} of its own. Then one upload → process → stream flow goes through
 * the web process.
 */
class ComposeTopologyIT {

	private static final Path JAR = Path.of(System.getProperty("app.jar", "target/spatial-intel-video.jar"));

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@TempDir
	Path work;

	private final List<Process> processes = new ArrayList<>();

	private final List<UUID> videoIds = new ArrayList<>();

	@AfterEach
	void stop() throws InterruptedException {
		for (Process process : processes) {
			process.destroy();
		}
		for (Process process : processes) {
			if (!process.waitFor(20, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		if (!videoIds.isEmpty()) {
			RedisClient client = RedisClient.create(System.getProperty("REDIS_URL"));
			try (StatefulRedisConnection<String, String> connection = client.connect()) {
				connection.sync().del(videoIds.stream().map(id -> "upload:" + id).toArray(String[]::new));
			}
			finally {
				client.shutdown();
			}
		}
	}

	@Test
	void theEnvExampleAsShippedDoesNotStartTheApp() throws Exception {
		Map<String, String> dotEnv = DeploymentFiles.envFile(DeploymentFiles.ENV_EXAMPLE);
		Node web = start("web-placeholders", "web", mapped(dotEnv, TestDatabase.createForSession("siv_compose")));

		assertThat(web.process().waitFor(90, TimeUnit.SECONDS)).as("the app stops by itself").isTrue();
		assertThat(web.process().exitValue()).isNotZero();
		assertThat(Files.readString(web.log())).contains("JWT_SECRET still holds the placeholder from deploy/.env.example");
	}

	@Test
	void anUploadIsProcessedByAWorkerAndStreamedByTheWebProcess() throws Exception {
		Map<String, String> dotEnv = operatorsEnvFile();
		String databaseUrl = TestDatabase.createForSession("siv_compose");
		Node web = start("web", "web", mapped(dotEnv, databaseUrl));
		Node firstWorker = start("worker-1", "worker", mapped(dotEnv, databaseUrl));
		Node secondWorker = start("worker-2", "worker", mapped(dotEnv, databaseUrl));
		for (Node node : List.of(web, firstWorker, secondWorker)) {
			node.awaitHealthy(Duration.ofSeconds(180));
		}
		assertThat(firstWorker.get("/api/malls").statusCode()).as("a worker serves no API").isEqualTo(404);
		Path clip = TestVideos.custom("compose-topology", "-f", "lavfi", "-i", "testsrc2=s=1280x720:r=30", "-t", "20",
				"-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p");

		ApiClient api = new ApiClient(environmentWithPort(web.port()));
		String admin = api.login(dotEnv.get("ADMIN_EMAIL"), dotEnv.get("ADMIN_PASSWORD"));
		UUID mallId = api.createMall(admin);
		UUID pinId = api.createPin(admin, mallId);
		ChildWatch watch = new ChildWatch(List.of(web, firstWorker, secondWorker));
		watch.start();
		ApiResponse completed = new Uploads(api, admin, mallId, pinId).uploadWhole(clip);
		assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
		UUID videoId = UUID.fromString(completed.text("video_id"));
		videoIds.add(videoId);
		String jobPath = "/api/analysis/jobs/" + completed.text("job_id");
		await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1))
			.until(() -> Set.of("completed", "failed").contains(api.get(jobPath, admin).text("status")));
		watch.stop();

		ApiResponse job = api.get(jobPath, admin);
		assertThat(job.text("status")).as(job.toString()).isEqualTo("completed");
		String ranOn = job.text("worker_hostname");
		assertThat(ranOn).as("the job ran on a worker process")
			.matches(".*/(" + firstWorker.process().pid() + "|" + secondWorker.process().pid() + ")$");
		assertThat(watch.ffmpegParents()).as("processes that ran ffmpeg").doesNotContain(web.process().pid())
			.containsAnyOf(firstWorker.process().pid(), secondWorker.process().pid());

		String streamUrl = api.get("/api/videos/" + videoId + "/stream-url", admin).text("url");
		HttpResponse<byte[]> range = HTTP.send(HttpRequest.newBuilder(URI.create(web.url(streamUrl)))
			.header("Range", "bytes=0-1023").build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(range.statusCode()).isEqualTo(206);
		assertThat(range.body()).hasSize(1024);
		assertThat(new String(Arrays.copyOfRange(range.body(), 4, 8), StandardCharsets.US_ASCII)).isEqualTo("ftyp");
		assertThat(Files.readString(web.log())).contains("Spatial Intel Video is ready");
	}

	/** {@code .env.example} as an operator fills it in: every placeholder replaced, this machine's credentials. */
	private static Map<String, String> operatorsEnvFile() {
		Map<String, String> dotEnv = new LinkedHashMap<>(DeploymentFiles.envFile(DeploymentFiles.ENV_EXAMPLE));
		dotEnv.replaceAll((name, value) -> value.startsWith("CHANGE-ME") ? randomSecret() : value);
		// the S3 server stands in for MinIO, whose root user and password are these two settings
		dotEnv.put("S3_ACCESS_KEY", TestS3Server.ACCESS_KEY);
		dotEnv.put("S3_SECRET_KEY", TestS3Server.SECRET_KEY);
		dotEnv.put("EVIDENCE_SIGNING_KEY", IntegrationTest.EVIDENCE_SIGNING_KEY);
		// what browsers reach: here the same server
		dotEnv.put("S3_PUBLIC_ENDPOINT", TestS3Server.endpoint());
		dotEnv.put("LOG_FORMAT", "text");
		return dotEnv;
	}

	/**
	 * The .env values with the local server's database user (its trust authentication takes any
	 * password), ready for {@link #start}. The service addresses are mapped there.
	 */
	private static Map<String, String> mapped(Map<String, String> dotEnv, String jdbcUrl) {
		Map<String, String> values = new LinkedHashMap<>(dotEnv);
		Matcher user = Pattern.compile("[?&]user=([^&]+)").matcher(jdbcUrl);
		values.put("DATABASE_USER", user.find() ? user.group(1) : "postgres");
		values.put("@database", jdbcUrl);
		return values;
	}

	private Node start(String name, String service, Map<String, String> values) throws IOException {
		String jdbcUrl = values.get("@database");
		Matcher database = Pattern.compile("^jdbc:postgresql://([^/]+)/([^?]+)").matcher(jdbcUrl);
		assertThat(database.find()).as(jdbcUrl).isTrue();
		Map<String, String> addresses = Map.of(
				"//postgres:5432/spatial_intel", "//" + database.group(1) + "/" + database.group(2),
				"//redis:6379", "//" + URI.create(System.getProperty("REDIS_URL")).getAuthority(),
				"//minio:9000", "//" + URI.create(TestS3Server.endpoint()).getAuthority());
		Map<String, String> environment = DeploymentFiles.environment(service, values);
		environment.replaceAll((key, value) -> {
			String result = value;
			for (Map.Entry<String, String> address : addresses.entrySet()) {
				result = result.replace(address.getKey(), address.getValue());
			}
			return result;
		});
		assertThat(String.join(" ", environment.values())).as("every service address is mapped")
			.doesNotContain("//postgres:", "//redis:", "//minio:");

		Path tmp = Files.createDirectories(work.resolve(name + "-tmp"));
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.addAll(List.of(environment.getOrDefault("JAVA_OPTS", imageJavaOptions()).trim().split("\\s+")));
		command.addAll(List.of("-Djava.io.tmpdir=" + tmp, "-jar", JAR.toAbsolutePath().toString()));
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().clear();
		builder.environment().put("PATH", System.getenv("PATH"));
		builder.environment().put("HOME", tmp.toString());
		builder.environment().putAll(environment);
		// port 0: the node takes a free port itself and names it in its log (a port picked here could be
		// taken by another process before the node binds it)
		builder.environment().put("SERVER_PORT", "0");
		builder.environment().put("DATA_DIR", tmp.resolve("data").toString());
		Path log = work.resolve(name + ".log");
		Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
		processes.add(process);
		return new Node(process, log);
	}

	/** The image's default {@code JAVA_OPTS} (deploy/Dockerfile), for services that do not set their own. */
	private static String imageJavaOptions() {
		Matcher matcher = Pattern.compile("JAVA_OPTS=\"([^\"]*)\"").matcher(DeploymentFiles.read(DeploymentFiles.DOCKERFILE));
		assertThat(matcher.find()).as("deploy/Dockerfile sets JAVA_OPTS").isTrue();
		return matcher.group(1);
	}

	private static StandardEnvironment environmentWithPort(int port) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("node", Map.of("local.server.port", port)));
		return environment;
	}

	private static String randomSecret() {
		byte[] bytes = new byte[30];
		new SecureRandom().nextBytes(bytes);
		return java.util.HexFormat.of().formatHex(bytes);
	}

	/** One started process of the topology. */
	private record Node(Process process, Path log) {

		private static final Pattern TOMCAT_PORT = Pattern.compile("Tomcat started on port (\\d+)");

		/** The port the node's log names; an IOException until it has started. */
		int port() throws IOException {
			Matcher started = TOMCAT_PORT.matcher(Files.readString(log));
			if (!started.find()) {
				throw new IOException("the node has not started its HTTP server yet");
			}
			return Integer.parseInt(started.group(1));
		}

		String url(String pathOrUrl) throws IOException {
			return pathOrUrl.startsWith("http") ? pathOrUrl : "http://127.0.0.1:" + port() + pathOrUrl;
		}

		HttpResponse<String> get(String path) throws Exception {
			return HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());
		}

		/** Waits for health 200; a node that stops or never answers fails the test with the end of its log. */
		void awaitHealthy(Duration limit) throws Exception {
			long deadline = System.nanoTime() + limit.toNanos();
			String last = "no answer yet";
			while (System.nanoTime() < deadline) {
				if (!process.isAlive()) {
					throw new AssertionError("The node " + log.getFileName() + " stopped with exit code " + process.exitValue()
							+ " before it was healthy; the end of its log:\n" + tail());
				}
				try {
					HttpResponse<String> health = get("/actuator/health");
					if (health.statusCode() == 200) {
						return;
					}
					last = health.statusCode() + " " + health.body();
				}
				catch (IOException notYet) {
					last = notYet.toString();
				}
				Thread.sleep(1000);
			}
			throw new AssertionError("The node " + log.getFileName() + " was not healthy within " + limit.toSeconds()
					+ " s (last: " + last + "); the end of its log:\n" + tail());
		}

		private String tail() throws IOException {
			List<String> lines = Files.readAllLines(log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
		}

	}

	/** Watches which of the nodes start an ffmpeg (not ffprobe) process, every 20 ms. */
	private static final class ChildWatch {

		private final List<Node> nodes;

		private final Set<Long> ffmpegParents = ConcurrentHashMap.newKeySet();

		private volatile boolean running = true;

		private final Thread thread = new Thread(this::watch, "ffmpeg-watch");

		ChildWatch(List<Node> nodes) {
			this.nodes = nodes;
		}

		void start() {
			thread.setDaemon(true);
			thread.start();
		}

		void stop() throws InterruptedException {
			running = false;
			thread.join();
		}

		Set<Long> ffmpegParents() {
			return ffmpegParents;
		}

		private void watch() {
			while (running) {
				for (Node node : nodes) {
					node.process().descendants()
						.filter(child -> child.info().command().map(command -> command.endsWith("/ffmpeg") || command.equals("ffmpeg")).orElse(false))
						.findAny()
						.ifPresent(child -> ffmpegParents.add(node.process().pid()));
				}
				try {
					Thread.sleep(20);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}

	}

}
