package com.spatialintel.video.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.spatialintel.video.SpatialIntelVideoApplication;

/**
 * Worker processes as production runs them: separate JVMs of the app with {@code APP_ROLE=worker}
 * on a given database and this run's S3, each logging to a file of its own. {@link #close()} kills
 * what is left.
 */
public final class WorkerProcesses implements AutoCloseable {

	private final Path logs;

	private final String bucket;

	private final List<Process> started = new ArrayList<>();

	public WorkerProcesses(Path logs, String bucket) {
		this.logs = logs;
		this.bucket = bucket;
	}

	/** Starts a worker on {@code databaseUrl}, its HTTP (health only) on {@code port}; {@code more}: more settings. */
	public Process start(String name, String databaseUrl, int port, String... more) {
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
				SpatialIntelVideoApplication.class.getName(), "--APP_ROLE=worker", "--server.port=" + port,
				"--DATABASE_URL=" + databaseUrl, "--S3_ENDPOINT=" + TestS3Server.endpoint(),
				"--S3_ACCESS_KEY=" + TestS3Server.ACCESS_KEY, "--S3_SECRET_KEY=" + TestS3Server.SECRET_KEY,
				"--S3_BUCKET=" + bucket, "--REDIS_URL=" + System.getProperty("REDIS_URL"),
				"--JWT_SECRET=" + IntegrationTest.JWT_SECRET, "--SIGNING_SECRET=test-signing-secret-0123456789abcdef",
				"--EVIDENCE_SIGNING_KEY=" + IntegrationTest.EVIDENCE_SIGNING_KEY, "--ADMIN_EMAIL=" + IntegrationTest.ADMIN_EMAIL, "--ADMIN_PASSWORD=" + IntegrationTest.ADMIN_PASSWORD,
				"--LOG_FORMAT=text", "--DATABASE_POOL_SIZE=4"));
		command.addAll(List.of(more));
		File log = logs.resolve(name + ".log").toFile();
		try {
			Process worker = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
			started.add(worker);
			return worker;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public Path log(String name) {
		return logs.resolve(name + ".log");
	}

	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		started.forEach(Process::destroyForcibly);
		started.clear();
	}

}
