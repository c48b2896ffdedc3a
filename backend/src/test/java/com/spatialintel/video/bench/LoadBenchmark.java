package com.spatialintel.video.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.spatialintel.video.testing.ApiClient;
import com.spatialintel.video.testing.IntegrationTest;
import com.spatialintel.video.testing.TestDatabase;
import com.spatialintel.video.testing.TestS3Server;
import com.spatialintel.video.testing.TestVideos;
import com.spatialintel.video.testing.Uploads;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;

import org.springframework.mock.env.MockEnvironment;

/**
 * The deployment's topology under load: the packaged jar started as {@code web} and as two
 * {@code worker} processes on PostgreSQL and an S3Proxy of its own (issue 26, items 1 and 2).
 * <ol>
 * <li><b>Job start latency</b>: small clips uploaded one after another, queued → started on a worker
 * JVM, with {@code JOB_WAKE_UP=false} (JobRunr's 5 s poll alone: the baseline) and then with the
 * wake-up.</li>
 * <li><b>Ten uploads at once</b>: ten MP4s of the given size (real 1080p footage, each a different
 * file) sent at once through the API flow (initiate, presigned PUTs, complete), against a plain S3
 * multipart upload of the same ten files at once to the same S3Proxy, first; every video must end
 * {@code completed} with its checksum; videos processed per minute; the web process's heap and CPU
 * sampled every second.</li>
 * </ol>
 * {@code bench/load-benchmark.sh [files=10] [MiB each=200] [latency samples=20]}
 */
public final class LoadBenchmark {

	private static final long MIB = 1024 * 1024;

	private static final int PARALLEL_PARTS = 4;

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final Path JAR = Path.of(System.getProperty("app.jar", "backend/target/spatial-intel-video.jar"));

	public static void main(String[] args) throws Exception {
		int files = args.length > 0 ? Integer.parseInt(args[0]) : 10;
		long sizeMib = args.length > 1 ? Long.parseLong(args[1]) : 200;
		int samples = args.length > 2 ? Integer.parseInt(args[2]) : 20;
		Path work = Files.createTempDirectory("siv-load-");
		String database = TestDatabase.create("siv_loadbench");
		TestS3Server.startForSession();
		String bucket = "load-" + UUID.randomUUID().toString().substring(0, 8);
		try {
			System.out.printf("%nJob start latency: queued -> started on a worker JVM, %d clips one after another%n", samples);
			List<Double> polled = startLatencies(work, database, bucket, false, samples);
			List<Double> woken = startLatencies(work, database, bucket, true, samples);
			System.out.printf("  %-28s %8s %8s %8s%n", "", "p50 ms", "p95 ms", "max ms");
			print("poll only (JOB_WAKE_UP=false)", polled);
			print("wake-up (NOTIFY)", woken);
			System.out.printf("  p95 wake-up / poll only: %.3f (goal: p95 < 1000 ms)%n",
					BenchSupport.percentile(woken, 0.95) / BenchSupport.percentile(polled, 0.95));
			tenAtOnce(work, database, bucket, files, sizeMib);
		}
		finally {
			BenchSupport.deleteTree(work);
			TestDatabase.drop(database);
			TestVideos.deleteAll();
			TestS3Server.stopForSession();
		}
	}

	private static void print(String name, List<Double> millis) {
		System.out.printf("  %-28s %8.0f %8.0f %8.0f%n", name, BenchSupport.median(millis),
				BenchSupport.percentile(millis, 0.95), BenchSupport.percentile(millis, 1.0));
	}

	private static List<Double> startLatencies(Path work, String database, String bucket, boolean wakeUp, int samples)
			throws Exception {
		try (Topology nodes = new Topology(work, database, bucket, wakeUp)) {
			ApiClient api = nodes.api();
			String admin = api.login(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD);
			UUID mallId = api.createMall(admin);
			Uploads uploads = new Uploads(api, admin, mallId, api.createPin(admin, mallId));
			Path clip = TestVideos.small("latency", 160, 120, false);
			List<Double> millis = new ArrayList<>();
			for (int i = 0; i < samples; i++) {
				Path salted = work.resolve("latency-" + wakeUp + "-" + i + ".mp4");
				Files.copy(clip, salted);
				Files.write(salted, UUID.randomUUID().toString().getBytes(), StandardOpenOption.APPEND);
				UUID jobId = UUID.fromString(uploads.uploadWhole(salted).text("job_id"));
				JsonNode job = awaitJob(api, admin, jobId, j -> j.hasNonNull("started_at"), Duration.ofSeconds(60));
				millis.add((double) Duration.between(Instant.parse(job.path("queued_at").asString()),
						Instant.parse(job.path("started_at").asString())).toMillis());
				awaitJob(api, admin, jobId, LoadBenchmark::isFinal, Duration.ofSeconds(60));
				// the next upload lands at a random point of the poll's cycle
				Thread.sleep(200 + (long) (Math.random() * 1000));
			}
			return millis;
		}
	}

	private static void tenAtOnce(Path work, String database, String bucket, int count, long sizeMib) throws Exception {
		System.out.printf("%nTen uploads at once: %d files of %d MiB (1080p30 footage), %d parts in parallel per file%n", count,
				sizeMib, PARALLEL_PARTS);
		Path source = footage(work.resolve("footage.mp4"), sizeMib);
		List<Path> videos = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			// the same footage, a different file each: the checksum differs, so none is a duplicate
			Path copy = work.resolve("camera-" + (i + 1) + ".mp4");
			Files.copy(source, copy);
			Files.write(copy, ("camera " + (i + 1) + " " + UUID.randomUUID()).getBytes(), StandardOpenOption.APPEND);
			videos.add(copy);
		}
		long totalBytes = 0;
		for (Path video : videos) {
			totalBytes += Files.size(video);
		}
		try (Topology nodes = new Topology(work, database, bucket, true);
				SdkHttpClient http = Apache5HttpClient.builder().maxConnections(count * PARALLEL_PARTS).build();
				S3Client s3 = s3(http)) {
			ApiClient api = nodes.api();
			String admin = api.login(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD);
			UUID mallId = api.createMall(admin);

			long plainStart = System.nanoTime();
			runAll(videos, (video, index) -> UploadBenchmark.uploadPlain(s3, bucket, "plain/" + video.getFileName(), video));
			double plainSeconds = (System.nanoTime() - plainStart) / 1e9;

			Sampler web = new Sampler(nodes.web, nodes.webPort);
			List<UUID> pins = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				pins.add(api.createPin(admin, mallId));
			}
			List<String> checksums = new ArrayList<>();
			for (Path video : videos) {
				checksums.add(TestVideos.sha256(video));
			}
			web.start();
			long apiStart = System.nanoTime();
			List<Object> ids = runAll(videos, (video, index) -> {
				UploadBenchmark.uploadThroughApi(api, http, admin, mallId, pins.get(index), video, checksums.get(index));
				return null;
			});
			double apiSeconds = (System.nanoTime() - apiStart) / 1e9;
			// every video of the mall, processed
			List<JsonNode> done = new ArrayList<>();
			for (UUID pinId : pins) {
				JsonNode listed = api.get("/api/malls/" + mallId + "/pins/" + pinId + "/videos", admin).body();
				JsonNode video = listed.path("videos").get(0);
				UUID videoId = UUID.fromString(video.path("id").asString());
				done.add(awaitVideo(api, admin, videoId, Duration.ofMinutes(30)));
			}
			double allProcessedSeconds = (System.nanoTime() - apiStart) / 1e9;
			web.stop();
			int completed = 0;
			for (int i = 0; i < count; i++) {
				JsonNode video = done.get(i);
				boolean ok = "completed".equals(video.path("processing_status").asString())
						&& checksums.contains(video.path("checksum_sha256").asString())
						&& video.path("file_size_bytes").asLong() == Files.size(videos.get(i));
				completed += ok ? 1 : 0;
				if (!ok) {
					System.out.printf("  NOT OK: %s%n", video);
				}
			}
			double gb = totalBytes / 1e9;
			System.out.printf("  plain S3 multipart, %d at once:   %6.1f s  %6.2f GB/min%n", count, plainSeconds,
					gb / plainSeconds * 60);
			System.out.printf("  API flow, %d at once:             %6.1f s  %6.2f GB/min  ratio API/plain %.3f%n", count,
					apiSeconds, gb / apiSeconds * 60, plainSeconds / apiSeconds);
			System.out.printf("  all %d processed %.1f s after the first initiate: %.2f videos/min (%.1f min of footage each)%n",
					count, allProcessedSeconds, count / allProcessedSeconds * 60, done.get(0).path("duration_seconds").asDouble() / 60);
			System.out.printf("  web process: heap %s MiB (min/median/max of %d samples), CPU %.1f s over %.1f s (%.0f %% of one core)%n",
					web.heapSummary(), web.samples(), web.cpuSeconds(), web.wallSeconds(), 100 * web.cpuSeconds() / web.wallSeconds());
			System.out.printf("  %d of %d completed with their checksum and size%s%n", completed, count,
					completed == count ? "" : "  <-- LOST OR FAILED");
			if (ids.size() != count || completed != count) {
				throw new IllegalStateException("not every upload completed");
			}
		}
	}

	/** Real footage: 1080p30 with some noise (so it compresses like a camera's), cut at the size. */
	private static Path footage(Path target, long sizeMib) throws IOException, InterruptedException {
		Process ffmpeg = new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i",
				"testsrc2=s=1920x1080:r=30,noise=alls=12:allf=t", "-t", "1800", "-fs", String.valueOf(sizeMib * MIB),
				"-c:v", "libx264", "-preset", "ultrafast", "-b:v", "10M", "-pix_fmt", "yuv420p", "-g", "60",
				"-movflags", "+faststart", "-y", target.toString()).inheritIO().start();
		if (ffmpeg.waitFor() != 0) {
			throw new IllegalStateException("ffmpeg could not make the footage");
		}
		return target;
	}

	@FunctionalInterface
	private interface Upload {

		Object run(Path video, int index) throws Exception;

	}

	private static List<Object> runAll(List<Path> videos, Upload upload) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(videos.size());
		try {
			List<Future<Object>> running = new ArrayList<>();
			for (int i = 0; i < videos.size(); i++) {
				int index = i;
				running.add(pool.submit(() -> upload.run(videos.get(index), index)));
			}
			List<Object> results = new ArrayList<>();
			for (Future<Object> result : running) {
				results.add(result.get());
			}
			return results;
		}
		finally {
			pool.shutdown();
		}
	}

	static S3Client s3(SdkHttpClient http) {
		return S3Client.builder()
			.endpointOverride(URI.create(TestS3Server.endpoint()))
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider
				.create(AwsBasicCredentials.create(TestS3Server.ACCESS_KEY, TestS3Server.SECRET_KEY)))
			.forcePathStyle(true)
			.httpClient(http)
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.build();
	}

	private static boolean isFinal(JsonNode job) {
		return List.of("completed", "failed", "cancelled").contains(job.path("status").asString());
	}

	private static JsonNode awaitJob(ApiClient api, String token, UUID jobId, java.util.function.Predicate<JsonNode> until,
			Duration atMost) throws InterruptedException {
		long deadline = System.nanoTime() + atMost.toNanos();
		while (true) {
			JsonNode job = api.get("/api/analysis/jobs/" + jobId, token).body();
			if (until.test(job)) {
				return job;
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("job " + jobId + " did not get there: " + job);
			}
			Thread.sleep(20);
		}
	}

	static JsonNode awaitVideo(ApiClient api, String token, UUID videoId, Duration atMost)
			throws InterruptedException {
		long deadline = System.nanoTime() + atMost.toNanos();
		while (true) {
			JsonNode video = api.get("/api/videos/" + videoId, token).body();
			String status = video.path("processing_status").asString();
			if ("completed".equals(status) || "failed".equals(status) || System.nanoTime() > deadline) {
				return video;
			}
			Thread.sleep(1000);
		}
	}

	/** The packaged jar as web and two workers, as {@code deploy/docker-compose.yml} runs it. */
	static final class Topology implements AutoCloseable {

		final Process web;

		final int webPort;

		final List<Process> processes = new ArrayList<>();

		Topology(Path work, String database, String bucket, boolean wakeUp) throws Exception {
			webPort = freePort();
			String url = TestDatabase.jdbcUrl(database);
			web = start(work, "web", url, bucket, webPort, wakeUp);
			for (int i = 1; i <= 2; i++) {
				start(work, "worker-" + i, url, bucket, freePort(), wakeUp);
			}
			long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
			for (int port : ports) {
				while (!healthy(port)) {
					if (System.nanoTime() > deadline) {
						throw new IllegalStateException("the nodes did not start; see " + work);
					}
					Thread.sleep(500);
				}
			}
		}

		final List<Integer> ports = new ArrayList<>();

		private Process start(Path work, String role, String url, String bucket, int port, boolean wakeUp)
				throws IOException {
			List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx1g", "-jar",
					JAR.toAbsolutePath().toString(), "--APP_ROLE=" + (role.startsWith("worker") ? "worker" : "web"),
					"--server.port=" + port, "--DATABASE_URL=" + url, "--S3_ENDPOINT=" + TestS3Server.endpoint(),
					"--S3_ACCESS_KEY=" + TestS3Server.ACCESS_KEY, "--S3_SECRET_KEY=" + TestS3Server.SECRET_KEY,
					"--S3_BUCKET=" + bucket, "--REDIS_URL=" + System.getProperty("REDIS_URL", "redis://127.0.0.1:6379"),
					"--JWT_SECRET=" + IntegrationTest.JWT_SECRET, "--SIGNING_SECRET=bench-signing-secret-0123456789abcdef",
					"--EVIDENCE_SIGNING_KEY=" + IntegrationTest.EVIDENCE_SIGNING_KEY,
					"--ADMIN_EMAIL=" + IntegrationTest.ADMIN_EMAIL, "--ADMIN_PASSWORD=" + IntegrationTest.ADMIN_PASSWORD,
					"--LOG_FORMAT=text", "--JOB_WAKE_UP=" + wakeUp);
			Path log = work.resolve(role + "-" + wakeUp + ".log");
			Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
			processes.add(process);
			ports.add(port);
			return process;
		}

		ApiClient api() {
			return new ApiClient(new MockEnvironment().withProperty("local.server.port", String.valueOf(webPort)));
		}

		@Override
		public void close() throws InterruptedException {
			for (Process process : processes) {
				process.destroy();
			}
			for (Process process : processes) {
				if (!process.waitFor(30, TimeUnit.SECONDS)) {
					process.destroyForcibly();
				}
			}
		}

		private static boolean healthy(int port) {
			try {
				return get(port, "/actuator/health").statusCode() == 200;
			}
			catch (IOException | InterruptedException ex) {
				return false;
			}
		}

		private static int freePort() throws IOException {
			try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
				return socket.getLocalPort();
			}
		}

	}

	private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
		return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** The web process's heap (from its Prometheus figures) and CPU time (from /proc), every second. */
	static final class Sampler {

		private static final Pattern HEAP = Pattern.compile("^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\} (\\S+)$",
				Pattern.MULTILINE);

		private final Process process;

		private final int port;

		private final List<Double> heapMib = new ArrayList<>();

		private ScheduledExecutorService timer;

		private long cpuTicksAtStart;

		private long cpuTicksAtStop;

		private long startNanos;

		private long stopNanos;

		Sampler(Process process, int port) {
			this.process = process;
			this.port = port;
		}

		void start() {
			cpuTicksAtStart = cpuTicks();
			startNanos = System.nanoTime();
			timer = Executors.newSingleThreadScheduledExecutor();
			timer.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
		}

		void stop() {
			timer.shutdownNow();
			cpuTicksAtStop = cpuTicks();
			stopNanos = System.nanoTime();
		}

		private void sample() {
			try {
				Matcher heap = HEAP.matcher(get(port, "/actuator/prometheus").body());
				double bytes = 0;
				while (heap.find()) {
					bytes += Double.parseDouble(heap.group(1));
				}
				synchronized (heapMib) {
					heapMib.add(bytes / MIB);
				}
			}
			catch (IOException | InterruptedException | RuntimeException ex) {
				// a missed sample
			}
		}

		int samples() {
			return heapMib.size();
		}

		String heapSummary() {
			synchronized (heapMib) {
				return heapMib.isEmpty() ? "?"
						: "%.0f/%.0f/%.0f".formatted(BenchSupport.percentile(heapMib, 0), BenchSupport.median(heapMib),
								BenchSupport.percentile(heapMib, 1.0));
			}
		}

		/** The median heap of the first third of the samples and of the last third: flat when they are alike. */
		String heapTrend() {
			synchronized (heapMib) {
				int third = heapMib.size() / 3;
				if (third == 0) {
					return "?";
				}
				return "%.0f -> %.0f".formatted(BenchSupport.median(heapMib.subList(0, third)),
						BenchSupport.median(heapMib.subList(heapMib.size() - third, heapMib.size())));
			}
		}

		double cpuSeconds() {
			return (cpuTicksAtStop - cpuTicksAtStart) / 100.0;
		}

		double wallSeconds() {
			return (stopNanos - startNanos) / 1e9;
		}

		/** utime + stime of the process, in clock ticks (100 per second on Linux). */
		private long cpuTicks() {
			try {
				String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
				String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
				return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

	private LoadBenchmark() {
	}

}
