package com.spatialintel.video.bench;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.spatialintel.video.SpatialIntelVideoApplication;
import com.spatialintel.video.motion.MotionAnalyzer;
import com.spatialintel.video.motion.MotionGrid;
import com.spatialintel.video.motion.MotionIndex;
import com.spatialintel.video.motion.MotionIndexes;
import com.spatialintel.video.storage.ObjectStorage;
import com.spatialintel.video.testing.ApiClient;
import com.spatialintel.video.testing.ApiResponse;
import com.spatialintel.video.testing.TestDatabase;
import com.spatialintel.video.testing.TestS3Server;
import com.spatialintel.video.video.VideoFiles;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Motion search benchmark (bench/README.md). The app on PostgreSQL and S3Proxy; one pin with 24 h
 * of footage in one-hour clips and another with 7 days, each clip with a motion index (made here by
 * {@link MotionAnalyzer} from an hour of synthetic frames: still noise, a person-sized blob crossing
 * a corner a few times an hour; the same index stored for every clip). Searches a region over HTTP,
 * cold (every index read from S3) and cached, and times the way Frigate searches, decoding the
 * proxy's frames in the region and diffing them, on a real 480p / 10 fps proxy made by ffmpeg.
 * Arguments: searches per case (default 30), minutes of proxy to decode (default 10).
 */
public final class MotionBenchmark {

	public static void main(String[] args) throws Exception {
		int samples = args.length > 0 ? Integer.parseInt(args[0]) : 30;
		int decodeMinutes = args.length > 1 ? Integer.parseInt(args[1]) : 10;
		String database = TestDatabase.create("siv_motionbench");
		TestS3Server.startForSession();
		long indexStarted = System.nanoTime();
		MotionIndex hour = syntheticHour();
		double analyseSeconds = (System.nanoTime() - indexStarted) / 1e9;
		byte[] stored = hour.write();
		System.out.printf("%nOne hour's index (made from 18,000 frames in %.1f s): %,d bytes stored (%.0f KB per hour of footage)%n",
				analyseSeconds, stored.length, stored.length / 1024.0);
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SpatialIntelVideoApplication.class).run(
				"--spring.datasource.url=" + TestDatabase.jdbcUrl(database), "--S3_ENDPOINT=" + TestS3Server.endpoint(),
				"--S3_ACCESS_KEY=" + TestS3Server.ACCESS_KEY, "--S3_SECRET_KEY=" + TestS3Server.SECRET_KEY,
				"--S3_BUCKET=siv-motion-bench", "--JWT_SECRET=bench-jwt-secret-0123456789abcdefghijkl",
				"--SIGNING_SECRET=bench-signing-secret-0123456789abcdef", "--ADMIN_PASSWORD=" + BenchSupport.ADMIN_PASSWORD,
				"--APP_ROLE=web", "--REDIS_URL=", "--server.port=0", "--LOG_FORMAT=text", "--logging.level.root=WARN",
				"--AUDIT_LOG_READS=false", "--MOTION_CACHE_MB=512")) {
			ApiClient api = new ApiClient(app.getEnvironment());
			String admin = api.login(BenchSupport.ADMIN_EMAIL, BenchSupport.ADMIN_PASSWORD);
			UUID mallId = api.createMall(admin);
			UUID day = api.createPin(admin, mallId);
			UUID week = api.createPin(admin, mallId);
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			ObjectStorage storage = app.getBean(ObjectStorage.class);
			Path file = Files.createTempFile("motion", ".bin");
			Files.write(file, stored);
			insert(jdbc, storage, file, mallId, day, 24, hour.seconds(), stored.length);
			insert(jdbc, storage, file, mallId, week, 24 * 7, hour.seconds(), stored.length);
			MotionIndexes indexes = app.getBean(MotionIndexes.class);
			Map<String, Object> corner = Map.of("x", 0.0, "y", 0.0, "width", 0.25, "height", 0.3);
			System.out.printf("Motion search over HTTP, a region of a quarter by 0.3 of the frame, sensitivity 50, %d searches per case%n",
					samples);
			double[] dayCold = measure(api, admin, mallId, day, "2026-03-01T00:00:00Z", "2026-03-02T00:00:00Z", corner, samples,
					indexes, true, "24 h (24 clips), cold: every index from S3");
			double[] dayWarm = measure(api, admin, mallId, day, "2026-03-01T00:00:00Z", "2026-03-02T00:00:00Z", corner, samples,
					indexes, false, "24 h (24 clips), cached");
			measure(api, admin, mallId, week, "2026-03-01T00:00:00Z", "2026-03-08T00:00:00Z", corner, Math.max(5, samples / 3),
					indexes, true, "7 days (168 clips), cold");
			measure(api, admin, mallId, week, "2026-03-01T00:00:00Z", "2026-03-08T00:00:00Z", corner, Math.max(5, samples / 3),
					indexes, false, "7 days (168 clips), cached");
			double decodeHour = frigateStyle(decodeMinutes);
			double decodeDay = decodeHour * 24;
			System.out.printf("Frigate's way (decode the proxy's frames, crop the region, diff them): %.2f s per hour of 480p/10 fps "
					+ "proxy measured on %d min, so %.0f s for 24 h%n", decodeHour, decodeMinutes, decodeDay);
			System.out.printf("  24 h: decoding / our search = %.0f× cold (p95), %.0f× cached (p95)%n", decodeDay * 1000 / dayCold[1],
					decodeDay * 1000 / dayWarm[1]);
		}
		finally {
			TestDatabase.drop(database);
		}
	}

	/** An hour of 96×54 frames at 5 fps: still noise, and a blob crossing the top left corner for 8 s, 6 times. */
	private static MotionIndex syntheticHour() {
		Random random = new Random(7);
		byte[] background = new byte[MotionGrid.FRAME_BYTES];
		for (int i = 0; i < background.length; i++) {
			background[i] = (byte) (90 + random.nextInt(40));
		}
		MotionAnalyzer analyzer = new MotionAnalyzer();
		byte[] frame = new byte[MotionGrid.FRAME_BYTES];
		for (int f = 0; f < 3600 * MotionGrid.FRAMES_PER_SECOND; f++) {
			for (int i = 0; i < frame.length; i++) {
				frame[i] = (byte) Math.max(0, Math.min(255, (background[i] & 0xff) + random.nextInt(5) - 2));
			}
			int second = f / MotionGrid.FRAMES_PER_SECOND;
			if (second % 600 < 8) {
				int x = (f % (8 * MotionGrid.FRAMES_PER_SECOND)) * 20 / (8 * MotionGrid.FRAMES_PER_SECOND);
				for (int y = 5; y < 20; y++) {
					for (int dx = 0; dx < 6; dx++) {
						frame[y * MotionGrid.FRAME_WIDTH + x + dx] = (byte) 220;
					}
				}
			}
			analyzer.accept(frame);
		}
		return analyzer.finish();
	}

	private static void insert(JdbcClient jdbc, ObjectStorage storage, Path index, UUID mallId, UUID pinId, int hours, int seconds,
			long bytes) {
		for (int h = 0; h < hours; h++) {
			UUID id = UUID.randomUUID();
			jdbc.sql("""
					INSERT INTO videos (id, mall_id, pin_id, filename, file_size_bytes, duration_seconds, checksum_sha256, recorded_at,
					                    width, height, fps, codec, original_path, proxy_path, upload_status, processing_status,
					                    uploaded_at, created_at, updated_at)
					VALUES (?, ?, ?, ?, 1000000000, ?, ?, TIMESTAMPTZ '2026-03-01 00:00:00+00' + ? * INTERVAL '1 hour', 1920, 1080, 30,
					        'h264', 'o', 'p', 'uploaded', 'completed', now(), now(), now())""")
				.params(id, mallId, pinId, "cam-" + h + ".mp4", (double) seconds, String.format("%064x", h + pinId.hashCode() * 1000L), h)
				.update();
			storage.upload(new VideoFiles(mallId, pinId, id).motion(), index, "application/octet-stream");
			jdbc.sql("INSERT INTO motion_indexes (video_id, version, seconds, bytes, created_at) VALUES (?, ?, ?, ?, now())")
				.params(id, MotionIndex.VERSION, seconds, bytes)
				.update();
		}
	}

	/** @return p50 and p95 in ms */
	private static double[] measure(ApiClient api, String token, UUID mallId, UUID pinId, String from, String to,
			Map<String, Object> region, int samples, MotionIndexes indexes, boolean cold, String name) {
		List<Double> millis = new ArrayList<>();
		long hits = 0;
		for (int i = -1; i < samples; i++) {
			if (cold) {
				indexes.forgetCached();
			}
			long start = System.nanoTime();
			ApiResponse answer = api.post("/api/malls/" + mallId + "/pins/" + pinId + "/motion-search", token,
					Map.of("from", from, "to", to, "regions", List.of(region), "sensitivity", 50, "min_seconds", 1));
			double took = (System.nanoTime() - start) / 1e6;
			if (answer.status() != 200) {
				throw new IllegalStateException(answer.toString());
			}
			if (i >= 0) {
				millis.add(took);
				hits = answer.body().path("hits").size();
			}
		}
		double p50 = BenchSupport.percentile(millis, 0.5);
		double p95 = BenchSupport.percentile(millis, 0.95);
		System.out.printf("  %-46s p50 %7.1f ms  p95 %7.1f ms  (%d hits)%n", name, p50, p95, hits);
		return new double[] { p50, p95 };
	}

	/** Seconds per hour of proxy to decode its frames, crop a region and diff consecutive frames of it. */
	private static double frigateStyle(int minutes) throws Exception {
		Path proxy = Files.createTempFile("proxy", ".mp4");
		Process make = new ProcessBuilder("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=s=854x480:r=10", "-t",
				String.valueOf(minutes * 60), "-vf", "noise=alls=8:allf=t", "-c:v", "libx264", "-preset", "veryfast", "-crf", "23",
				"-g", "50", "-pix_fmt", "yuv420p", proxy.toString()).inheritIO().start();
		if (make.waitFor() != 0) {
			throw new IllegalStateException("ffmpeg could not make the proxy");
		}
		long start = System.nanoTime();
		Process decode = new ProcessBuilder("ffmpeg", "-v", "error", "-i", proxy.toString(), "-vf",
				"crop=212:144:0:0,format=gray", "-f", "rawvideo", "-").start();
		int width = 212;
		int height = 144;
		byte[] previous = null;
		byte[] frame = new byte[width * height];
		long changed = 0;
		try (InputStream in = decode.getInputStream()) {
			while (in.readNBytes(frame, 0, frame.length) == frame.length) {
				if (previous != null) {
					for (int i = 0; i < frame.length; i++) {
						if (Math.abs((frame[i] & 0xff) - (previous[i] & 0xff)) > 25) {
							changed++;
						}
					}
				}
				previous = frame.clone();
			}
		}
		decode.waitFor();
		double seconds = (System.nanoTime() - start) / 1e9;
		Files.delete(proxy);
		System.out.printf("  (decoded and diffed %d min of proxy in %.1f s; %,d pixel changes found)%n", minutes, seconds, changed);
		return seconds * 60 / minutes;
	}

	private MotionBenchmark() {
	}

}
