package com.spatialintel.video.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A TCP port that forwards to a real server (the local PostgreSQL), so that a test can take the
 * server away from the app and give it back without stopping it for everybody else: {@link #stop()}
 * closes the port and every connection through it, as a database that went down does;
 * {@link #start()} opens the same port again; {@link #cutRepliesAfter} breaks answers off midway.
 */
public final class TcpForwarder implements AutoCloseable {

	private final String targetHost;

	private final int targetPort;

	private final int port;

	private final List<Socket> open = new CopyOnWriteArrayList<>();

	private volatile ServerSocket listener;

	/** After how many more bytes of its answers each connection is cut; negative: never. */
	private volatile long cutRepliesAfter = -1;

	/** Counts {@link #cutRepliesAfter} calls, so that each connection counts its bytes from the last one. */
	private volatile int cutGeneration;

	public TcpForwarder(String targetHost, int targetPort) {
		this.targetHost = targetHost;
		this.targetPort = targetPort;
		try (ServerSocket free = new ServerSocket(0)) {
			this.port = free.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		start();
	}

	/** A forwarder to the server a JDBC URL names ({@code jdbc:postgresql://host:port/db?…}). */
	public static TcpForwarder toServerOf(String jdbcUrl) {
		URI server = URI.create(jdbcUrl.substring("jdbc:".length()));
		return new TcpForwarder(server.getHost(), server.getPort());
	}

	/**
	 * A PostgreSQL database of the test class's own ({@link TestDatabase#createForSession}) that the
	 * app reaches only through the returned forwarder.
	 */
	public static TcpForwarder toOwnDatabase(String prefix, DynamicPropertyRegistry registry) {
		String url = TestDatabase.createForSession(prefix);
		TcpForwarder database = toServerOf(url);
		registry.add("spring.datasource.url", () -> database.through(url));
		return database;
	}

	/** The same JDBC URL, through this forwarder. */
	public String through(String jdbcUrl) {
		return jdbcUrl.replace("//" + targetHost + ":" + targetPort + "/", "//127.0.0.1:" + port + "/");
	}

	public int port() {
		return port;
	}

	/**
	 * Cuts every connection, open or new, once the server has sent this many more bytes through it,
	 * as a server that breaks off midway does; negative: never.
	 */
	public synchronized void cutRepliesAfter(long bytes) {
		cutRepliesAfter = bytes;
		cutGeneration++;
	}

	public synchronized void start() {
		try {
			ServerSocket socket = new ServerSocket();
			socket.setReuseAddress(true);
			socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
			listener = socket;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Thread accept = new Thread(() -> acceptUntilClosed(listener), "forward-accept-" + port);
		accept.setDaemon(true);
		accept.start();
	}

	public synchronized void stop() {
		try {
			listener.close();
		}
		catch (IOException ignored) {
			// closing
		}
		for (Socket socket : open) {
			try {
				socket.close();
			}
			catch (IOException ignored) {
				// closing
			}
		}
		open.clear();
	}

	@Override
	public void close() {
		stop();
	}

	private void acceptUntilClosed(ServerSocket server) {
		while (!server.isClosed()) {
			try {
				Socket client = server.accept();
				Socket upstream = new Socket(targetHost, targetPort);
				open.add(client);
				open.add(upstream);
				pump(client, upstream, false);
				pump(upstream, client, true);
			}
			catch (IOException closed) {
				return;
			}
		}
	}

	private void pump(Socket from, Socket to, boolean replies) {
		Thread thread = new Thread(() -> {
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				byte[] buffer = new byte[8192];
				long sent = 0;
				int generation = cutGeneration;
				int read;
				while ((read = in.read(buffer)) != -1) {
					long limit = cutRepliesAfter;
					if (replies && generation != cutGeneration) {
						generation = cutGeneration;
						sent = 0;
					}
					if (replies && limit >= 0 && sent + read > limit) {
						out.write(buffer, 0, (int) (limit - sent));
						out.flush();
						break;
					}
					out.write(buffer, 0, read);
					sent += read;
				}
			}
			catch (IOException closed) {
				// one side went away
			}
			finally {
				try {
					from.close();
					to.close();
				}
				catch (IOException ignored) {
					// closing
				}
			}
		}, "forward-" + port);
		thread.setDaemon(true);
		thread.start();
	}

}
