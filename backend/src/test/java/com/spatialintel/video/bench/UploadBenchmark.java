package com.spatialintel.video.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import com.spatialintel.video.storage.ObjectStorage;
import com.spatialintel.video.testing.ApiClient;
import com.spatialintel.video.testing.ApiResponse;
import com.spatialintel.video.testing.TestVideos;
import com.spatialintel.video.testing.Uploads;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Upload benchmark (bench/README.md). Starts the app in its embedded mode (S3Proxy in-process),
 * then, in one run and against the same S3 server:
 * <ol>
 * <li>after one unreported warm-up of each, uploads one large file through the API flow (initiate, PUT parts 4 at a time to presigned
 * URLs, sign parts past the first 100, complete) and the same file as a plain S3 multipart upload
 * with the AWS SDK, 4 parts at a time, alternating, and prints both throughputs and their ratio. Both
 * send their bytes through the same HTTP client (the SDK's Apache client), so the ratio measures
 * only what the API adds;</li>
 * <li>measures p50/p99 of initiate, of signing 100 parts, and of complete (with ffprobe).</li>
 * </ol>
 * Arguments: file size in MiB (default 1024), rounds (default 3), latency samples (default 200).
 */
public final class UploadBenchmark {

	private static final int PARALLEL_PARTS = 4;

	private static final long MIB = 1024 * 1024;

	public static void main(String[] args) throws Exception {
		long sizeMib = args.length > 0 ? Long.parseLong(args[0]) : 1024;
		int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
		int samples = args.length > 2 ? Integer.parseInt(args[2]) : 200;
		Path dataDir = Files.createTempDirectory("siv-bench-");
		Path big = paddedVideo(dataDir.resolve("big.mp4"), sizeMib * MIB);
		try (ConfigurableApplicationContext app = BenchSupport.startEmbedded(dataDir.resolve("data"))) {
			ApiClient api = new ApiClient(app.getEnvironment());
			String admin = api.login(BenchSupport.ADMIN_EMAIL, BenchSupport.ADMIN_PASSWORD);
			UUID mallId = api.createMall(admin);
			// one HTTP client carries the bytes of both uploads, so only the API's own cost differs
			SdkHttpClient http = Apache5HttpClient.builder().maxConnections(2 * PARALLEL_PARTS).build();
			S3Client s3 = plainS3Client(app, http);
			String bucket = app.getEnvironment().getProperty("app.storage.bucket");
			System.out.printf("%nUpload of a %d MiB file, %d parts in parallel, %d rounds after one warm-up (median reported)%n", sizeMib,
					PARALLEL_PARTS, rounds);
			long bytes = Files.size(big);
			String checksum = TestVideos.sha256(big);
			uploadThroughApi(api, http, admin, mallId, api.createPin(admin, mallId), big, checksum);
			uploadPlain(s3, bucket, "bench/warm-up.mp4", big);
			List<Double> ratios = new ArrayList<>();
			List<Double> apiRates = new ArrayList<>();
			List<Double> plainRates = new ArrayList<>();
			System.out.printf("  round  first  API MiB/s (start+parts+complete ms)   plain MiB/s (start+parts+complete ms)  ratio%n");
			for (int round = 1; round <= rounds; round++) {
				UUID pinId = api.createPin(admin, mallId);
				String plainKey = "bench/plain-" + round + ".mp4";
				// alternate the order: the write-back of one upload slows whichever runs next
				boolean apiFirst = round % 2 == 1;
				Phases plain = null;
				if (!apiFirst) {
					plain = uploadPlain(s3, bucket, plainKey, big);
				}
				Phases viaApi = uploadThroughApi(api, http, admin, mallId, pinId, big, checksum);
				if (apiFirst) {
					plain = uploadPlain(s3, bucket, plainKey, big);
				}
				double ratio = viaApi.mibPerSecond(bytes) / plain.mibPerSecond(bytes);
				ratios.add(ratio);
				apiRates.add(viaApi.mibPerSecond(bytes));
				plainRates.add(plain.mibPerSecond(bytes));
				System.out.printf("  %5d  %-5s  %9.1f (%4.0f+%5.0f+%4.0f)   %17.1f (%4.0f+%5.0f+%4.0f)   %5.3f%n", round,
						apiFirst ? "API" : "plain", viaApi.mibPerSecond(bytes), viaApi.startMs(), viaApi.partsMs(),
						viaApi.completeMs(), plain.mibPerSecond(bytes), plain.startMs(), plain.partsMs(), plain.completeMs(),
						ratio);
			}
			System.out.printf("API flow (median):           %7.1f MiB/s%nplain S3 multipart (median): %7.1f MiB/s%n"
					+ "ratio API/plain, median of rounds: %.3f (goal >= 0.95)%n", median(apiRates), median(plainRates),
					median(ratios));
			latencies(api, admin, mallId, samples);
			s3.close();
			http.close();
		}
		finally {
			BenchSupport.deleteTree(dataDir);
			TestVideos.deleteAll();
		}
	}

	static Phases uploadThroughApi(ApiClient api, SdkHttpClient http, String token, UUID mallId, UUID pinId,
			Path file, String checksum) throws Exception {
		Uploads uploads = new Uploads(api, token, mallId, pinId);
		Stopwatch watch = new Stopwatch();
		ApiResponse initiated = uploads.initiate(file.getFileName().toString(), Files.size(file), checksum);
		if (initiated.status() != 201) {
			throw new IllegalStateException("initiate: " + initiated);
		}
		UUID videoId = UUID.fromString(initiated.text("video_id"));
		long partSize = initiated.body().path("part_size_bytes").asLong();
		int totalParts = initiated.body().path("total_parts").asInt();
		List<JsonNode> urls = new ArrayList<>();
		initiated.body().path("presigned_urls").forEach(urls::add);
		if (totalParts > urls.size()) {
			List<Integer> rest = IntStream.rangeClosed(urls.size() + 1, totalParts).boxed().toList();
			api.post(uploads.path("/" + videoId + "/parts"), token, Map.of("part_numbers", rest))
				.body()
				.path("presigned_urls")
				.forEach(urls::add);
		}
		double startMs = watch.lap();
		ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_PARTS);
		try {
			List<Future<?>> puts = new ArrayList<>();
			for (JsonNode url : urls) {
				int number = url.path("part_number").asInt();
				puts.add(pool.submit(() -> {
					putPresigned(http, url.path("url").asString(), read(file, number, partSize));
					return null;
				}));
			}
			for (Future<?> put : puts) {
				put.get();
			}
		}
		finally {
			pool.shutdown();
		}
		double partsMs = watch.lap();
		ApiResponse completed = uploads.completeWithoutReceipts(videoId);
		if (completed.status() != 200) {
			throw new IllegalStateException("complete: " + completed);
		}
		return new Phases(startMs, partsMs, watch.lap());
	}

	/** A browser's part PUT: the presigned URL, the bytes, no content type. */
	static void putPresigned(SdkHttpClient http, String url, byte[] bytes) throws IOException {
		SdkHttpFullRequest request = SdkHttpFullRequest.builder()
			.method(SdkHttpMethod.PUT)
			.uri(URI.create(url))
			.putHeader("Content-Length", String.valueOf(bytes.length))
			.build();
		HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
			.request(request)
			.contentStreamProvider(ContentStreamProvider.fromByteArrayUnsafe(bytes))
			.build()).call();
		if (response.responseBody().isPresent()) {
			response.responseBody().get().close();
		}
		if (response.httpResponse().statusCode() != 200) {
			throw new IllegalStateException("part PUT answered " + response.httpResponse().statusCode());
		}
	}

	static Phases uploadPlain(S3Client s3, String bucket, String key, Path file) throws Exception {
		Stopwatch watch = new Stopwatch();
		long partSize = 10 * MIB;
		int totalParts = (int) ((Files.size(file) + partSize - 1) / partSize);
		String uploadId = s3.createMultipartUpload(request -> request.bucket(bucket).key(key).contentType("video/mp4"))
			.uploadId();
		double startMs = watch.lap();
		ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_PARTS);
		try {
			List<Future<CompletedPart>> parts = new ArrayList<>();
			for (int number = 1; number <= totalParts; number++) {
				int part = number;
				parts.add(pool.submit(() -> {
					String etag = s3.uploadPart(request -> request.bucket(bucket).key(key).uploadId(uploadId).partNumber(part),
							RequestBody.fromBytes(read(file, part, partSize))).eTag();
					return CompletedPart.builder().partNumber(part).eTag(etag).build();
				}));
			}
			List<CompletedPart> completed = new ArrayList<>();
			for (Future<CompletedPart> part : parts) {
				completed.add(part.get());
			}
			double partsMs = watch.lap();
			s3.completeMultipartUpload(request -> request.bucket(bucket).key(key).uploadId(uploadId)
				.multipartUpload(upload -> upload.parts(completed)));
			return new Phases(startMs, partsMs, watch.lap());
		}
		finally {
			pool.shutdown();
		}
	}

	private static void latencies(ApiClient api, String token, UUID mallId, int samples) throws Exception {
		UUID pinId = api.createPin(token, mallId);
		Uploads uploads = new Uploads(api, token, mallId, pinId);
		List<Double> initiate = new ArrayList<>();
		List<Double> sign = new ArrayList<>();
		List<Integer> hundred = IntStream.rangeClosed(1, 100).boxed().toList();
		for (int i = 0; i < samples; i++) {
			String checksum = randomChecksum();
			long start = System.nanoTime();
			ApiResponse initiated = uploads.initiate("latency.mp4", 1024 * MIB, checksum);
			initiate.add(millisSince(start));
			String parts = uploads.path("/" + initiated.text("video_id") + "/parts");
			start = System.nanoTime();
			api.post(parts, token, Map.of("part_numbers", hundred));
			sign.add(millisSince(start));
			api.delete(uploads.path("/" + initiated.text("video_id")), token);
		}
		List<Double> complete = new ArrayList<>();
		int completeSamples = Math.max(10, samples / 4);
		for (int i = 0; i < completeSamples; i++) {
			Path clip = TestVideos.small("latency" + i, 320, 240, true);
			ApiResponse initiated = uploads.initiate(clip);
			UUID videoId = UUID.fromString(initiated.text("video_id"));
			Map<Integer, String> etags = uploads.putParts(initiated.body(), clip);
			long start = System.nanoTime();
			ApiResponse completed = uploads.complete(videoId, etags);
			complete.add(millisSince(start));
			if (completed.status() != 200) {
				throw new IllegalStateException("complete: " + completed);
			}
		}
		System.out.printf("%nLatency over HTTP on loopback (ms)       p50      p99   samples%n");
		report("initiate (new upload, 100 URLs)", initiate);
		report("sign 100 parts", sign);
		report("complete (list, assemble, ffprobe)", complete);
	}

	private static void report(String name, List<Double> millis) {
		System.out.printf("  %-36s %7.1f %8.1f %7d%n", name, BenchSupport.percentile(millis, 0.50),
				BenchSupport.percentile(millis, 0.99), millis.size());
	}

	private static double median(List<Double> values) {
		return BenchSupport.median(values);
	}

	/** Milliseconds spent starting the upload, sending the parts, and completing it. */
	record Phases(double startMs, double partsMs, double completeMs) {

		double totalMs() {
			return startMs + partsMs + completeMs;
		}

		double mibPerSecond(long bytes) {
			return bytes / (double) MIB / (totalMs() / 1000);
		}

	}

	private static final class Stopwatch {

		private long last = System.nanoTime();

		double lap() {
			long now = System.nanoTime();
			double millis = (now - last) / 1e6;
			last = now;
			return millis;
		}

	}

	private static double millisSince(long start) {
		return (System.nanoTime() - start) / 1e6;
	}

	static S3Client plainS3Client(ConfigurableApplicationContext app, SdkHttpClient http) {
		var env = app.getEnvironment();
		java.net.URL signed = app.getBean(ObjectStorage.class).presignDownloadForServer("any", Duration.ofMinutes(1));
		return S3Client.builder()
			.endpointOverride(URI.create(signed.getProtocol() + "://" + signed.getHost() + ":" + signed.getPort()))
			.region(Region.of(env.getProperty("app.storage.region")))
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials
				.create(env.getProperty("app.storage.access-key"), env.getProperty("app.storage.secret-key"))))
			.forcePathStyle(true)
			.httpClient(http)
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.build();
	}

	/** A real MP4 (moov first) padded with random bytes: ffprobe reads its header, S3 stores every byte. */
	static Path paddedVideo(Path target, long size) throws IOException {
		Files.copy(TestVideos.small("bench", 640, 360, true), target);
		byte[] chunk = new byte[(int) (8 * MIB)];
		ThreadLocalRandom.current().nextBytes(chunk);
		try (RandomAccessFile file = new RandomAccessFile(target.toFile(), "rw")) {
			file.seek(file.length());
			while (file.length() < size) {
				file.write(chunk, 0, (int) Math.min(chunk.length, size - file.length()));
			}
		}
		return target;
	}

	static byte[] read(Path file, int partNumber, long partSize) throws IOException {
		try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
			long from = (partNumber - 1) * partSize;
			byte[] bytes = new byte[(int) Math.min(partSize, in.length() - from)];
			in.seek(from);
			in.readFully(bytes);
			return bytes;
		}
	}

	private static String randomChecksum() {
		byte[] bytes = new byte[32];
		ThreadLocalRandom.current().nextBytes(bytes);
		return java.util.HexFormat.of().formatHex(bytes);
	}

	private UploadBenchmark() {
	}

}
