package com.spatialintel.video.bench;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import com.spatialintel.video.storage.ObjectStorage;
import com.spatialintel.video.testing.ApiClient;
import com.spatialintel.video.testing.ApiResponse;
import com.spatialintel.video.testing.Jobs;
import com.spatialintel.video.testing.TestVideos;
import com.spatialintel.video.testing.Uploads;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Streaming benchmark (bench/README.md). Starts the app in its embedded mode, processes a small clip
 * for a real video row and signed link, then replaces its proxy object with a large file so that
 * reads are long enough to measure. In one run, against the same S3 server and with the same HTTP
 * client, it compares reads through {@code /api/videos/{id}/proxy?signature=…} with reads of a
 * presigned S3 GET of the same object:
 * <ol>
 * <li>whole-file reads, 1 reader and 50 concurrent readers;</li>
 * <li>1 MiB Range reads at random offsets, 1 and 50 readers, with the time to the first body byte
 * (a seek as a player does it), p50 and p99.</li>
 * </ol>
 * Both paths are first read for a minute, so that the figures describe a JVM the JIT has compiled.
 * Arguments: proxy size in MiB (default 64), rounds (default 3), Range reads per reader (default 40),
 * and {@code one-reader} to run only the whole file and the 1 MiB ranges of one reader (after the same warm-up).
 */
public final class StreamingBenchmark {

	private static final long MIB = 1024 * 1024;

	private static final int MANY = 50;

	private static final Duration WARM_UP = Duration.ofSeconds(60);

	private static final long VIEWER_BUFFER = 4 * MIB;

	private static final Duration VIEWER_PAUSE = Duration.ofSeconds(1);

	private static final int VIEWER_SEEKS = 10;

	public static void main(String[] args) throws Exception {
		long sizeMib = args.length > 0 ? Long.parseLong(args[0]) : 64;
		int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
		int rangeReads = args.length > 2 ? Integer.parseInt(args[2]) : 40;
		boolean onlyOneReader = args.length > 3 && args[3].equals("one-reader");
		Path dataDir = Files.createTempDirectory("siv-stream-bench-");
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		try (ConfigurableApplicationContext app = BenchSupport.startEmbedded(dataDir.resolve("data"),
				"--S3_MAX_CONNECTIONS=" + (2 * MANY + 20))) {
			ApiClient api = new ApiClient(app.getEnvironment());
			String admin = api.login(BenchSupport.ADMIN_EMAIL, BenchSupport.ADMIN_PASSWORD);
			UUID mallId = api.createMall(admin);
			Uploads uploads = new Uploads(api, admin, mallId, api.createPin(admin, mallId));
			JsonNode job = Jobs.uploadAndProcess(api, uploads, admin, TestVideos.small("stream-bench", 640, 360, true));
			String proxyKey = job.path("result_data").path("proxy_path").asString();
			ObjectStorage storage = app.getBean(ObjectStorage.class);
			Path large = dataDir.resolve("large-proxy.bin");
			writeRandom(large, sizeMib * MIB);
			storage.upload(proxyKey, large, "video/mp4");
			long size = Files.size(large);
			ApiResponse link = api.get("/api/videos/" + job.path("video_id").asString() + "/stream-url", admin);
			String viaApp = api.baseUrl() + link.text("url");
			Supplier<String> direct = () -> storage.presignDownloadForServer(proxyKey, Duration.ofHours(1)).toString();

			warmUp(http, viaApp, direct, size);
			System.out.printf("%nStreaming a %d MiB proxy: /proxy (signed link) vs presigned S3 GET, same S3Proxy, "
					+ "same client, %d rounds after a warm-up, alternating order (medians)%n", sizeMib, rounds);
			wholeFile(http, viaApp, direct, size, 1, rounds);
			if (!onlyOneReader) {
				wholeFile(http, viaApp, direct, size, MANY, rounds);
			}
			ranges(http, viaApp, direct, size, 1, rangeReads * 5, rounds);
			if (!onlyOneReader) {
				ranges(http, viaApp, direct, size, MANY, rangeReads, rounds);
				viewers(http, viaApp, direct, size, rounds);
			}
		}
		finally {
			BenchSupport.deleteTree(dataDir);
			TestVideos.deleteAll();
		}
	}

	/**
	 * Both paths under load until the JIT has compiled them: measured on a cold JVM, the compiler's
	 * threads take a core for the first minute and the figures describe the warm-up, not the service.
	 */
	private static void warmUp(HttpClient http, String viaApp, Supplier<String> direct, long size) throws Exception {
		long until = System.nanoTime() + WARM_UP.toNanos();
		while (System.nanoTime() < until) {
			run(http, 8, 25, () -> Read.randomMib(viaApp, size));
			run(http, 8, 25, () -> Read.randomMib(direct.get(), size));
			run(http, 4, 1, () -> new Read(viaApp, null, size));
			run(http, 4, 1, () -> new Read(direct.get(), null, size));
		}
	}

	private static void wholeFile(HttpClient http, String viaApp, Supplier<String> direct, long size, int readers,
			int rounds) throws Exception {
		Comparison whole = compare(http, readers, 1, 1, rounds, () -> new Read(viaApp, null, size),
				() -> new Read(direct.get(), null, size));
		System.out.printf("  whole file, %2d reader(s):  /proxy %8.1f MiB/s   direct %8.1f MiB/s   ratio %.3f (goal at 1 reader: >= 0.9)%n",
				readers, BenchSupport.median(whole.appRates()), BenchSupport.median(whole.directRates()),
				BenchSupport.median(whole.ratios()));
		cpuLine(whole);
	}

	private static void ranges(HttpClient http, String viaApp, Supplier<String> direct, long size, int readers,
			int readsPerReader, int rounds) throws Exception {
		Comparison ranges = compare(http, readers, readsPerReader, readsPerReader / 4 + 1, rounds,
				() -> Read.randomMib(viaApp, size), () -> Read.randomMib(direct.get(), size));
		System.out.printf("  1 MiB ranges, %2d reader(s): /proxy %8.1f MiB/s   direct %8.1f MiB/s   ratio %.3f (goal at 1 reader: >= 0.8)%n",
				readers, BenchSupport.median(ranges.appRates()), BenchSupport.median(ranges.directRates()),
				BenchSupport.median(ranges.ratios()));
		System.out.printf("      first byte of a random seek: /proxy p50 %.1f ms p99 %.1f ms   direct p50 %.1f ms p99 %.1f ms"
				+ "   (%d seeks each; goal p99 < 50 ms at 50 readers)%n", BenchSupport.percentile(ranges.appFirstByte(), 0.5),
				BenchSupport.percentile(ranges.appFirstByte(), 0.99), BenchSupport.percentile(ranges.directFirstByte(), 0.5),
				BenchSupport.percentile(ranges.directFirstByte(), 0.99), ranges.appFirstByte().size());
		cpuLine(ranges);
	}

	/**
	 * 50 viewers as a video element behaves: each seeks to a random point, asks for the rest of the
	 * file ({@code bytes=N-}), reads {@link #VIEWER_BUFFER} ahead, lets the rest go (the connection is
	 * dropped mid-stream) and watches for about {@link #VIEWER_PAUSE} before seeking again. The load this
	 * gives (~{@code 50 × 4 MiB} every ~1.2 s) is many times what 50 people watching 1 Mbit/s proxies
	 * ask, but leaves the machine room to answer, so the first byte measures the service, not a queue.
	 */
	private static void viewers(HttpClient http, String viaApp, Supplier<String> direct, long size, int rounds)
			throws Exception {
		Comparison viewers = compare(http, MANY, VIEWER_SEEKS, 0, rounds, () -> Read.seekAndBuffer(viaApp, size),
				() -> Read.seekAndBuffer(direct.get(), size));
		System.out.printf("  %d viewers seeking and buffering %d MiB, about %d ms apart:%n      first byte of a seek: /proxy p50 %.1f ms "
				+ "p99 %.1f ms   direct p50 %.1f ms p99 %.1f ms   (%d seeks each; goal p99 < 50 ms)%n", MANY,
				VIEWER_BUFFER / MIB, VIEWER_PAUSE.toMillis(), BenchSupport.percentile(viewers.appFirstByte(), 0.5),
				BenchSupport.percentile(viewers.appFirstByte(), 0.99), BenchSupport.percentile(viewers.directFirstByte(), 0.5),
				BenchSupport.percentile(viewers.directFirstByte(), 0.99), viewers.appFirstByte().size());
	}

	/**
	 * Both paths read the same way, {@code rounds} times, alternating which goes first so that neither
	 * always runs on a machine the other has just left busy, after {@code warmUpReads} unreported reads
	 * per reader of each.
	 */
	private static Comparison compare(HttpClient http, int readers, int readsPerReader, int warmUpReads, int rounds,
			Supplier<Read> appRead, Supplier<Read> directRead) throws Exception {
		if (warmUpReads > 0) {
			run(http, readers, warmUpReads, appRead);
			run(http, readers, warmUpReads, directRead);
		}
		Comparison comparison = new Comparison(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
				new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
		for (int round = 0; round < rounds; round++) {
			Result app;
			Result plain;
			if (round % 2 == 0) {
				app = run(http, readers, readsPerReader, appRead);
				plain = run(http, readers, readsPerReader, directRead);
			}
			else {
				plain = run(http, readers, readsPerReader, directRead);
				app = run(http, readers, readsPerReader, appRead);
			}
			comparison.add(app, plain);
		}
		return comparison;
	}

	/** Per round: rates, their ratio, CPU per MiB and how busy the CPUs were; every first-byte time. */
	private record Comparison(List<Double> appRates, List<Double> directRates, List<Double> ratios,
			List<Double> appCpu, List<Double> directCpu, List<Double> busy, List<Double> appFirstByte,
			List<Double> directFirstByte) {

		void add(Result app, Result plain) {
			appRates.add(app.mibPerSecond());
			directRates.add(plain.mibPerSecond());
			ratios.add(app.mibPerSecond() / plain.mibPerSecond());
			appCpu.add(app.cpuMillisPerMib());
			directCpu.add(plain.cpuMillisPerMib());
			busy.add(plain.cpuBusy());
			appFirstByte.addAll(app.firstByteMillis());
			directFirstByte.addAll(plain.firstByteMillis());
		}

	}

	private static void cpuLine(Comparison comparison) {
		List<Double> appCpu = comparison.appCpu();
		List<Double> directCpu = comparison.directCpu();
		List<Double> busy = comparison.busy();
		System.out.printf("      CPU per MiB (client + app + S3Proxy): /proxy %.2f ms   direct %.2f ms   (x%.2f); "
				+ "CPUs busy during direct reads: %.0f %%%n", BenchSupport.median(appCpu), BenchSupport.median(directCpu),
				BenchSupport.median(appCpu) / BenchSupport.median(directCpu), 100 * BenchSupport.median(busy));
	}

	/** {@code readers} threads, each doing {@code readsPerReader} reads one after the other. */
	private static Result run(HttpClient http, int readers, int readsPerReader, Supplier<Read> reads) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(readers);
		List<Double> firstByte = Collections.synchronizedList(new ArrayList<>());
		long cpuBefore = processCpuNanos();
		long started = System.nanoTime();
		long bytes = 0;
		try {
			List<Future<Long>> work = new ArrayList<>();
			for (int reader = 0; reader < readers; reader++) {
				work.add(pool.submit(() -> {
					long read = 0;
					for (int i = 0; i < readsPerReader; i++) {
						read += reads.get().execute(http, firstByte);
					}
					return read;
				}));
			}
			for (Future<Long> done : work) {
				bytes += done.get();
			}
		}
		finally {
			pool.shutdown();
		}
		return new Result(bytes, (System.nanoTime() - started) / 1e9, (processCpuNanos() - cpuBefore) / 1e6, firstByte);
	}

	/** {@code expected}: the bytes read, after which the response is let go unless {@code whole}; {@code pause}: idle time before. */
	private record Read(String url, String range, long expected, boolean whole, Duration pause) {

		Read(String url, String range, long expected) {
			this(url, range, expected, true, Duration.ZERO);
		}

		static Read randomMib(String url, long size) {
			long first = ThreadLocalRandom.current().nextLong(size - MIB);
			return new Read(url, "bytes=" + first + "-" + (first + MIB - 1), MIB);
		}

		/** Watches for 0 to 2 × {@link #VIEWER_PAUSE} (1 on average, so that viewers do not seek in step), then seeks. */
		static Read seekAndBuffer(String url, long size) {
			long first = ThreadLocalRandom.current().nextLong(size - VIEWER_BUFFER);
			Duration watching = Duration.ofMillis(ThreadLocalRandom.current().nextLong(2 * VIEWER_PAUSE.toMillis()));
			return new Read(url, "bytes=" + first + "-", VIEWER_BUFFER, false, watching);
		}

		long execute(HttpClient http, List<Double> firstByte) throws Exception {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
			if (range != null) {
				request.header("Range", range);
			}
			Thread.sleep(pause.toMillis());
			long start = System.nanoTime();
			HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
			byte[] buffer = new byte[64 * 1024];
			long total = 0;
			try (InputStream body = response.body()) {
				int read = body.read(buffer);
				firstByte.add((System.nanoTime() - start) / 1e6);
				while (read != -1 && (whole || total < expected)) {
					total += read;
					read = body.read(buffer);
				}
			}
			if (!whole) {
				total = Math.min(total, expected);
			}
			int expectedStatus = range == null ? 200 : 206;
			if (response.statusCode() != expectedStatus || total != expected) {
				throw new IllegalStateException(url + " answered " + response.statusCode() + " with " + total + " bytes");
			}
			return total;
		}

	}

	/** {@code cpuMillis}: CPU time of the whole process (client, app and S3Proxy run in it) during the run. */
	private record Result(long bytes, double seconds, double cpuMillis, List<Double> firstByteMillis) {

		double mibPerSecond() {
			return bytes / (double) MIB / seconds;
		}

		double cpuMillisPerMib() {
			return cpuMillis / (bytes / (double) MIB);
		}

		double cpuBusy() {
			return cpuMillis / 1000 / seconds / Runtime.getRuntime().availableProcessors();
		}

	}

	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	private static void writeRandom(Path file, long size) throws Exception {
		byte[] chunk = new byte[(int) (8 * MIB)];
		ThreadLocalRandom.current().nextBytes(chunk);
		try (var out = Files.newOutputStream(file)) {
			for (long written = 0; written < size; written += chunk.length) {
				out.write(chunk, 0, (int) Math.min(chunk.length, size - written));
			}
		}
	}

	private StreamingBenchmark() {
	}

}
