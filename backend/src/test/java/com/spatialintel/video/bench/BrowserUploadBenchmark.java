package com.spatialintel.video.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.spatialintel.video.testing.ApiClient;
import com.spatialintel.video.testing.TestVideos;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The web page's uploader against its baselines (bench/README.md), in one run and against the
 * same embedded S3Proxy: per round, the page's checksum of the file ("Calculating checksum…", a
 * Web Worker with hash-wasm) against {@code sha256sum}, and the page's upload (initiate, parts
 * 4 at a time, complete) against the plain SDK multipart upload of {@link UploadBenchmark}. The
 * page runs in Debian's Chromium, driven by {@code frontend/bench/browser-upload.mjs}, which also
 * samples the page's JS heap and the renderer's memory while it hashes.
 * Arguments: file size in MiB (default 1024), rounds (default 3).
 */
public final class BrowserUploadBenchmark {

	private static final long MIB = 1024 * 1024;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	public static void main(String[] args) throws Exception {
		long sizeMib = args.length > 0 ? Long.parseLong(args[0]) : 1024;
		int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
		long linkMib = args.length > 2 ? Long.parseLong(args[2]) : 64;
		Path dataDir = Files.createTempDirectory("siv-browser-bench-");
		Path big = UploadBenchmark.paddedVideo(dataDir.resolve("big.mp4"), sizeMib * MIB);
		long bytes = Files.size(big);
		int port;
		try (ServerSocket free = new ServerSocket(0)) {
			port = free.getLocalPort();
		}
		try (ConfigurableApplicationContext app = BenchSupport.startEmbedded(dataDir.resolve("data"), port)) {
			ApiClient api = new ApiClient(app.getEnvironment());
			String pageUrl = "http://localhost:" + port;
			String admin = api.login(BenchSupport.ADMIN_EMAIL, BenchSupport.ADMIN_PASSWORD);
			UUID mallId = api.createMall(admin);
			SdkHttpClient http = Apache5HttpClient.builder().maxConnections(8).build();
			S3Client s3 = UploadBenchmark.plainS3Client(app, http);
			String bucket = app.getEnvironment().getProperty("app.storage.bucket");
			System.out.printf("%nThe page's checksum and upload of a %d MiB file vs sha256sum and a plain S3 multipart upload, "
					+ "%d rounds after one warm-up (medians reported)%n", sizeMib, rounds);
			sha256sum(big);
			page(pageUrl, admin, mallId, api.createPin(admin, mallId), big);
			UploadBenchmark.uploadPlain(s3, bucket, "bench/warm-up.mp4", big);

			List<Double> hashRatios = new ArrayList<>();
			List<Double> uploadRatios = new ArrayList<>();
			List<Double> heapGrowth = new ArrayList<>();
			List<Double> rendererGrowth = new ArrayList<>();
			List<String> cpuNotes = new ArrayList<>();
			System.out.printf("  round  sha256sum MiB/s  page hash MiB/s  ratio   plain S3 MiB/s  page upload MiB/s  ratio   "
					+ "heap +MB  renderer +MB%n");
			for (int round = 1; round <= rounds; round++) {
				boolean pageFirst = round % 2 == 1;
				double sumMs = 0;
				UploadBenchmark.Phases plain = null;
				double plainJvmCpu = 0;
				if (!pageFirst) {
					sumMs = sha256sum(big);
					double cpu = jvmCpuSeconds();
					plain = UploadBenchmark.uploadPlain(s3, bucket, "bench/plain-" + round + ".mp4", big);
					plainJvmCpu = jvmCpuSeconds() - cpu;
				}
				double cpuBeforePage = jvmCpuSeconds();
				JsonNode viaPage = page(pageUrl, admin, mallId, api.createPin(admin, mallId), big);
				double pageJvmCpu = jvmCpuSeconds() - cpuBeforePage;
				if (pageFirst) {
					sumMs = sha256sum(big);
					double cpu = jvmCpuSeconds();
					plain = UploadBenchmark.uploadPlain(s3, bucket, "bench/plain-" + round + ".mp4", big);
					plainJvmCpu = jvmCpuSeconds() - cpu;
				}
				cpuNotes.add("  round %d CPU seconds: plain upload %.1f (JVM: SDK + S3Proxy); page upload %.1f in the JVM (app + S3Proxy) + %.1f in Chromium"
					.formatted(round, plainJvmCpu, pageJvmCpu, viaPage.path("browser_cpu_s").asDouble()));
				double sumRate = mibPerSecond(bytes, sumMs);
				double hashRate = mibPerSecond(bytes, viaPage.path("hash_ms").asDouble());
				double plainRate = plain.mibPerSecond(bytes);
				double uploadRate = mibPerSecond(bytes, viaPage.path("upload_ms").asDouble());
				hashRatios.add(hashRate / sumRate);
				uploadRatios.add(uploadRate / plainRate);
				heapGrowth.add(viaPage.path("heap_growth_mb").asDouble());
				rendererGrowth.add(viaPage.path("renderer_growth_mb").asDouble());
				System.out.printf("  %5d  %15.1f  %15.1f  %5.3f  %15.1f  %17.1f  %5.3f  %8.1f  %12.1f%n", round, sumRate,
						hashRate, hashRate / sumRate, plainRate, uploadRate, uploadRate / plainRate,
						heapGrowth.get(heapGrowth.size() - 1), rendererGrowth.get(rendererGrowth.size() - 1));
			}
			cpuNotes.forEach(System.out::println);
			System.out.printf("checksum, page/sha256sum, median of rounds: %.3f (goal >= 0.8)%n", BenchSupport.median(hashRatios));
			System.out.printf("upload, page/plain S3 multipart, median of rounds: %.3f (goal >= 0.9)%n",
					BenchSupport.median(uploadRatios));
			System.out.printf("page JS heap growth while hashing, largest: %.1f MB (goal < 64); renderer (page + worker) memory growth, largest: %.1f MB%n",
					heapGrowth.stream().mapToDouble(Double::doubleValue).max().orElse(0),
					rendererGrowth.stream().mapToDouble(Double::doubleValue).max().orElse(0));
			links(pageUrl, admin, mallId, api, dataDir, linkMib);
			s3.close();
			http.close();
		}
		finally {
			BenchSupport.deleteTree(dataDir);
			TestVideos.deleteAll();
		}
	}

	/**
	 * Uploads at an operator's link (issue 26): the page's uplink emulated at 20 and 100 Mbit/s, the
	 * parts' throughput against the link's capacity (goal >= 0.9), two rounds each.
	 */
	private static void links(String pageUrl, String admin, UUID mallId, ApiClient api, Path dataDir, long sizeMib)
			throws Exception {
		Path file = UploadBenchmark.paddedVideo(dataDir.resolve("link.mp4"), sizeMib * MIB);
		long bytes = Files.size(file);
		System.out.printf("%nAt an operator's link: a %d MiB upload through the page, its uplink emulated by Chromium "
				+ "(Network.emulateNetworkConditions, 20 ms latency)%n", sizeMib);
		System.out.printf("  link        parts s   page MiB/s  link MiB/s  page/link (goal >= 0.9)%n");
		for (int mbit : new int[] { 20, 100 }) {
			for (int round = 1; round <= 2; round++) {
				JsonNode viaPage = page(pageUrl, admin, mallId, api.createPin(admin, mallId), file, mbit);
				double partsMs = viaPage.path("parts_ms").asDouble();
				double pageRate = mibPerSecond(bytes, partsMs);
				double linkRate = mbit * 1e6 / 8 / MIB;
				System.out.printf("  %3d Mbit/s  %7.1f  %11.2f  %10.2f  %5.3f%n", mbit, partsMs / 1000, pageRate, linkRate,
						pageRate / linkRate);
			}
		}
	}

	private static double jvmCpuSeconds() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime() / 1e9;
	}

	private static double mibPerSecond(long bytes, double millis) {
		return bytes / (double) MIB / (millis / 1000);
	}

	private static double sha256sum(Path file) throws IOException, InterruptedException {
		long start = System.nanoTime();
		Process process = new ProcessBuilder("sha256sum", file.toString()).redirectErrorStream(true).start();
		process.getInputStream().readAllBytes();
		if (process.waitFor() != 0) {
			throw new IllegalStateException("sha256sum failed");
		}
		return (System.nanoTime() - start) / 1e6;
	}

	/** One upload through the page; its figures come back as the script's last line (JSON). */
	private static JsonNode page(String baseUrl, String token, UUID mallId, UUID pinId, Path file) throws Exception {
		return page(baseUrl, token, mallId, pinId, file, 0);
	}

	/** @param linkMbit the uplink Chromium emulates for the page, in Mbit/s; 0: none (loopback) */
	private static JsonNode page(String baseUrl, String token, UUID mallId, UUID pinId, Path file, int linkMbit)
			throws Exception {
		ProcessBuilder builder = new ProcessBuilder("node", "bench/browser-upload.mjs", baseUrl, token, mallId.toString(),
				pinId.toString(), file.toString())
			.directory(frontendFolder().toFile())
			.redirectErrorStream(true);
		if (linkMbit > 0) {
			builder.environment().put("LINK_MBIT", String.valueOf(linkMbit));
		}
		Process process = builder.start();
		String last = null;
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				if (line.startsWith("{")) {
					last = line;
				}
				else {
					System.out.println("    page: " + line);
				}
			}
		}
		if (process.waitFor() != 0 || last == null) {
			throw new IllegalStateException("The page's upload failed (see the lines above).");
		}
		return JSON.readTree(last);
	}

	/** Maven runs this from the repository root ({@code exec:java}) or from backend/. */
	private static Path frontendFolder() {
		Path here = Path.of("frontend");
		return Files.isDirectory(here) ? here : Path.of("..", "frontend");
	}

	private BrowserUploadBenchmark() {
	}

}
