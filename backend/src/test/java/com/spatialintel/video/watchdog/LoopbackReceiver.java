package com.spatialintel.video.watchdog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on loopback that stands where Slack's webhook or Sentry's ingest host would:
 * it records every request body it receives (gunzipped when sent compressed) and answers 200, or,
 * while {@link #down} is set, drops the connection without answering (and counts it in {@link #refused}).
 */
final class LoopbackReceiver implements AutoCloseable {

	private final HttpServer server;

	private final List<String> bodies = new CopyOnWriteArrayList<>();

	volatile boolean down;

	/** Requests that arrived while {@link #down} was set: the app did try to send them. */
	final java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();

	LoopbackReceiver(String path, String answer) {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server.createContext(path, exchange -> receive(exchange, answer));
		server.start();
	}

	private void receive(HttpExchange exchange, String answer) throws IOException {
		if (down) {
			refused.incrementAndGet();
			exchange.close();
			return;
		}
		byte[] raw = exchange.getRequestBody().readAllBytes();
		String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
		if ("gzip".equalsIgnoreCase(encoding)) {
			try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
				raw = in.readAllBytes();
			}
		}
		bodies.add(new String(raw, StandardCharsets.UTF_8));
		byte[] response = answer.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(200, response.length);
		exchange.getResponseBody().write(response);
		exchange.close();
	}

	String url(String path) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + path;
	}

	int port() {
		return server.getAddress().getPort();
	}

	List<String> bodies() {
		return bodies;
	}

	void clear() {
		bodies.clear();
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
