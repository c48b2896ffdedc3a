package com.spatialintel.video.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.spatialintel.video.SpatialIntelVideoApplication;
import com.spatialintel.video.testing.ApiClient;
import com.spatialintel.video.testing.ApiResponse;
import com.spatialintel.video.testing.TestDatabase;
import com.spatialintel.video.testing.TestS3Server;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Listing benchmark (bench/README.md): the app on PostgreSQL (a database of its own, dropped at the
 * end), one pin with {@code videos} rows and a second pin with as many, then {@code GET
 * /api/malls/{m}/pins/{p}/videos} over HTTP for random pages (any offset), the first and the last
 * page, and filtered pages, then a random day of the pin's timeline and of the mall's; prints
 * p50/p95/p99 and PostgreSQL's plans of the deepest page and of a timeline day.
 * Arguments: videos per pin (default 100000), requests per case (default 300).
 */
public final class ListingBenchmark {

	public static void main(String[] args) throws Exception {
		int videos = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
		int samples = args.length > 1 ? Integer.parseInt(args[1]) : 300;
		String database = TestDatabase.create("siv_listbench");
		TestS3Server.startForSession();
		try (ConfigurableApplicationContext app = start(database, true)) {
			ApiClient api = new ApiClient(app.getEnvironment());
			String admin = api.login(BenchSupport.ADMIN_EMAIL, BenchSupport.ADMIN_PASSWORD);
			UUID mallId = api.createMall(admin);
			UUID pinId = api.createPin(admin, mallId);
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			long started = System.nanoTime();
			insert(jdbc, mallId, pinId, videos);
			insert(jdbc, mallId, api.createPin(admin, mallId), videos);
			jdbc.sql("VACUUM ANALYZE videos").update();
			System.out.printf("%nListing a pin with %,d videos (%,d rows in the table; inserted and analysed in %.1f s), "
					+ "%d requests per case over HTTP, limit 50%n", videos, 2 * videos, (System.nanoTime() - started) / 1e9,
					samples);
			String base = "/api/malls/" + mallId + "/pins/" + pinId + "/videos?limit=50";
			measure(api, admin, "warm-up (not reported)", () -> base + "&offset=" + randomOffset(videos), samples, false);
			measure(api, admin, "random page, any offset", () -> base + "&offset=" + randomOffset(videos), samples, true);
			measure(api, admin, "first page", () -> base, samples, true);
			measure(api, admin, "last page (offset " + (videos - 50) + ")", () -> base + "&offset=" + (videos - 50),
					samples, true);
			measure(api, admin, "status=failed, random page", () -> base + "&status=failed&offset="
					+ randomOffset(videos / 50), samples, true);
			measure(api, admin, "one day (from/to), random page", () -> base
					+ "&from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z&offset=" + ThreadLocalRandom.current().nextInt(0, 240),
					samples, true);
			// a 5-minute clip every 5 minutes from 1 January: a day holds 288; random days the rows cover
			int days = Math.max(1, (int) ((long) videos * 5 / 1440) - 1);
			java.time.LocalDate first = java.time.LocalDate.of(2026, 1, 2);
			String timeline = "/api/malls/" + mallId + "/pins/" + pinId + "/timeline?date=";
			measure(api, admin, "timeline, one day of the pin (288 clips)",
					() -> timeline + first.plusDays(ThreadLocalRandom.current().nextInt(0, days)), samples, true);
			measure(api, admin, "mall timeline, one day (2 pins, 576 clips)", () -> "/api/malls/" + mallId
					+ "/timeline?date=" + first.plusDays(ThreadLocalRandom.current().nextInt(0, days)), samples, true);
			System.out.println("\nPlan of a timeline day (the query of VideoRepository.findRecordedBetween, EXPLAIN ANALYZE):");
			jdbc.sql("""
					EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
					SELECT * FROM videos
					WHERE pin_id = ? AND recorded_at >= TIMESTAMPTZ '2026-06-15 00:00:00+00' AND recorded_at < TIMESTAMPTZ '2026-06-16 00:00:00+00'
					  AND deletion_requested_at IS NULL AND upload_status = 'uploaded' AND duration_seconds IS NOT NULL
					ORDER BY recorded_at, id LIMIT 10001""")
				.param(pinId)
				.query(String.class)
				.list()
				.forEach(line -> System.out.println("  " + line));
			System.out.println("\nPlan of the last page (the query of VideoRepository.listForPin, EXPLAIN ANALYZE):");
			jdbc.sql("""
					EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
					SELECT v.* FROM videos v JOIN (
					  SELECT id, recorded_at, uploaded_at FROM videos
					  WHERE pin_id = ? AND deletion_requested_at IS NULL
					  ORDER BY recorded_at DESC NULLS LAST, uploaded_at DESC NULLS LAST, id DESC LIMIT 50 OFFSET ?) page
					ON page.id = v.id
					ORDER BY page.recorded_at DESC NULLS LAST, page.uploaded_at DESC NULLS LAST, page.id DESC""")
				.params(pinId, videos - 50)
				.query(String.class)
				.list()
				.forEach(line -> System.out.println("  " + line));
			System.out.println("Plan of the total (COUNT) of the same pin:");
			jdbc.sql("EXPLAIN (ANALYZE, COSTS OFF) SELECT COUNT(*) FROM videos WHERE pin_id = ? AND deletion_requested_at IS NULL")
				.param(pinId)
				.query(String.class)
				.list()
				.forEach(line -> System.out.println("  " + line));
			auditCost(app, database, mallId, pinId, videos);
		}
		finally {
			TestDatabase.drop(database);
			TestS3Server.stopForSession();
		}
	}

	/**
	 * What the audit log costs the listing: random pages one after another for 20 s with the reads
	 * recorded (a row per list read), without (AUDIT_LOG_READS=false), and with again, each on a
	 * fresh app over the same database; requests per second and the ratio.
	 */
	private static void auditCost(ConfigurableApplicationContext first, String database, UUID mallId, UUID pinId, int videos) {
		String base = "/api/malls/" + mallId + "/pins/" + pinId + "/videos?limit=50&offset=";
		first.close();
		double[] rates = new double[3];
		boolean[] recorded = { true, false, true };
		for (int round = 0; round < 3; round++) {
			try (ConfigurableApplicationContext app = start(database, recorded[round])) {
				ApiClient api = new ApiClient(app.getEnvironment());
				String admin = api.login(BenchSupport.ADMIN_EMAIL, BenchSupport.ADMIN_PASSWORD);
				for (int i = 0; i < 200; i++) {
					api.get(base + randomOffset(videos), admin);
				}
				long until = System.nanoTime() + 20_000_000_000L;
				long started = System.nanoTime();
				int done = 0;
				while (System.nanoTime() < until) {
					if (api.get(base + randomOffset(videos), admin).status() != 200) {
						throw new IllegalStateException("a page failed");
					}
					done++;
				}
				rates[round] = done / ((System.nanoTime() - started) / 1e9);
			}
		}
		double on = (rates[0] + rates[2]) / 2;
		System.out.printf("%nAudit log cost on the listing (random pages, one client, 20 s each, fresh app each):%n"
				+ "  reads recorded      %.1f and %.1f requests/s (mean %.1f)%n  reads not recorded  %.1f requests/s%n"
				+ "  with / without = %.3f (cost %.1f %%)%n", rates[0], rates[2], on, rates[1], on / rates[1],
				(1 - on / rates[1]) * 100);
	}

	private static ConfigurableApplicationContext start(String database, boolean auditReads) {
		return new SpringApplicationBuilder(SpatialIntelVideoApplication.class).run(
				"--spring.datasource.url=" + TestDatabase.jdbcUrl(database), "--S3_ENDPOINT=" + TestS3Server.endpoint(),
				"--S3_ACCESS_KEY=" + TestS3Server.ACCESS_KEY, "--S3_SECRET_KEY=" + TestS3Server.SECRET_KEY,
				"--S3_BUCKET=siv-listing-bench", "--JWT_SECRET=bench-jwt-secret-0123456789abcdefghijkl",
				"--SIGNING_SECRET=bench-signing-secret-0123456789abcdef", "--ADMIN_PASSWORD=" + BenchSupport.ADMIN_PASSWORD,
				"--APP_ROLE=web", "--REDIS_URL=", "--server.port=0", "--LOG_FORMAT=text", "--logging.level.root=WARN",
				"--AUDIT_LOG_READS=" + auditReads);
	}

	/** Processed videos every 5 minutes from 1 January 2026, one in 50 failed, as a busy camera makes them. */
	private static void insert(JdbcClient jdbc, UUID mallId, UUID pinId, int count) {
		jdbc.sql("""
				INSERT INTO videos (id, mall_id, pin_id, filename, file_size_bytes, duration_seconds, checksum_sha256,
				                    recorded_at, width, height, fps, codec, original_path, proxy_path, poster_path,
				                    upload_status, processing_status, processing_error, uploaded_at, created_at, updated_at)
				SELECT gen_random_uuid(), :mall, CAST(:pin AS UUID), 'cam-' || g || '.mp4', 100000000 + g, 300, md5(:pin || g) || md5(g || :pin),
				       TIMESTAMPTZ '2026-01-01 00:00:00+00' + g * INTERVAL '5 minutes', 1920, 1080, 30, 'h264',
				       'o/' || g, 'p/' || g, 'j/' || g, 'uploaded',
				       CASE WHEN g % 50 = 0 THEN 'failed' ELSE 'completed' END,
				       CASE WHEN g % 50 = 0 THEN 'The video could not be converted completely.' END,
				       now(), now(), now()
				FROM generate_series(1, :count) g""")
			.param("mall", mallId)
			.param("pin", pinId.toString())
			.param("count", count)
			.update();
	}

	private static int randomOffset(int videos) {
		return ThreadLocalRandom.current().nextInt(0, Math.max(1, videos - 50));
	}

	private static void measure(ApiClient api, String token, String name, java.util.function.Supplier<String> paths,
			int samples, boolean report) {
		List<Double> millis = new ArrayList<>();
		for (int i = 0; i < samples; i++) {
			String path = paths.get();
			long start = System.nanoTime();
			ApiResponse response = api.get(path, token);
			millis.add((System.nanoTime() - start) / 1e6);
			if (response.status() != 200) {
				throw new IllegalStateException(path + ": " + response);
			}
		}
		if (report) {
			System.out.printf("  %-44s p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms%n", name, BenchSupport.percentile(millis, 0.5),
					BenchSupport.percentile(millis, 0.95), BenchSupport.percentile(millis, 0.99));
		}
	}

	private ListingBenchmark() {
	}

}
