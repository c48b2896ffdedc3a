package com.spatialintel.video.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.spatialintel.video.SpatialIntelVideoApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/** What the benchmarks share: the app in its embedded mode, percentiles, clean-up. */
final class BenchSupport {

	static final String ADMIN_EMAIL = "admin@example.com";

	static final String ADMIN_PASSWORD = "bench-password";

	private BenchSupport() {
	}

	/** The app as {@code make run} starts it (H2, S3Proxy in-process, in-memory sessions), on free ports. */
	static ConfigurableApplicationContext startEmbedded(Path dataDir, String... extra) {
		return startEmbedded(dataDir, 0, extra);
	}

	/** On a given port: the embedded S3 server lets only that web origin's pages upload (CORS). */
	static ConfigurableApplicationContext startEmbedded(Path dataDir, int port, String... extra) {
		List<String> args = new ArrayList<>(List.of("--DATABASE_URL=", "--S3_ENDPOINT=", "--REDIS_URL=",
				"--DATA_DIR=" + dataDir, "--server.port=" + port, "--EMBEDDED_S3_PORT=0", "--ADMIN_PASSWORD=" + ADMIN_PASSWORD,
				"--LOG_FORMAT=text", "--logging.level.root=WARN"));
		args.addAll(List.of(extra));
		return new SpringApplicationBuilder(SpatialIntelVideoApplication.class).run(args.toArray(String[]::new));
	}

	static double percentile(List<Double> values, double q) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(Math.min(sorted.size() - 1, Math.max(0, (int) Math.ceil(q * sorted.size()) - 1)));
	}

	static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

	static void deleteTree(Path root) throws IOException {
		FileSystemUtils.deleteRecursively(root);
	}

}
