package com.spatialintel.video.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;

import org.springframework.util.FileSystemUtils;

/**
 * A real S3 server for the test run: S3Proxy with its filesystem store in a temporary folder,
 * SigV4 on, listening on a free port. The app reaches it over HTTP through {@code S3_ENDPOINT},
 * as it would reach MinIO. Tests may stop and start it to see how the app copes with S3 down.
 */
public final class TestS3Server {

	public static final String ACCESS_KEY = "test-access-key";

	public static final String SECRET_KEY = "test-secret-key-0123456789";

	private static Path directory;

	private static int port;

	private static S3Proxy proxy;

	private TestS3Server() {
	}

	/** Starts the server on a free port and a new folder (the test session, or a benchmark, does this once). */
	public static synchronized void startForSession() {
		try {
			directory = Files.createTempDirectory("siv-s3-");
			try (ServerSocket socket = new ServerSocket(0)) {
				port = socket.getLocalPort();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		start();
	}

	public static String endpoint() {
		UnitLayer.refuse("S3Proxy");
		return "http://127.0.0.1:" + port;
	}

	/** Starts the server again on the same port and folder after {@link #stop()}. */
	public static synchronized void start() {
		UnitLayer.refuse("S3Proxy");
		Properties properties = new Properties();
		properties.setProperty("jclouds.filesystem.basedir", directory.toString());
		proxy = S3Proxy.builder()
			.blobStore(BlobStores.create("filesystem-nio2", properties))
			.endpoint(URI.create(endpoint()))
			.awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
			.corsRules(new CrossOriginResourceSharing(List.of("http://localhost:8080"), List.of("GET", "HEAD", "PUT"),
					List.of("*"), List.of("ETag"), "false"))
			.build();
		try {
			proxy.start();
			while (!"STARTED".equals(proxy.getState())) {
				Thread.sleep(10);
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("S3Proxy did not start on port " + port, ex);
		}
	}

	public static synchronized void stop() {
		try {
			proxy.stop();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Runs {@code action} while S3 is down, and starts S3 again whatever happens. */
	public static <T> T whileStopped(java.util.function.Supplier<T> action) {
		stop();
		try {
			return action.get();
		}
		finally {
			start();
		}
	}

	public static synchronized void stopForSession() {
		stop();
		try {
			FileSystemUtils.deleteRecursively(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
