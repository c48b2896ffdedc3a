package com.spatialintel.video.storage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import com.spatialintel.video.testing.UnitTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link RangeReads#copyRange} against a scripted S3 on loopback that answers each GET as the
 * test says: as S3 does, as a server that ignores Range does, with 412 or 404, or with fewer bytes
 * than it promised.
 */
@UnitTest
class CopyRangeTests {

	private static final byte[] OBJECT = bytes(1000);

	private ScriptedS3 s3;

	private S3Connection connection;

	private RangeReads storage;

	@AfterEach
	void stop() throws IOException {
		connection.destroy();
		s3.close();
	}

	@Test
	void aRangeS3HonoursIsCopiedAndTheRequestCarriesRangeAndIfMatch() throws Exception {
		start(request -> partial(10, 19, Arrays.copyOfRange(OBJECT, 10, 20)));
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		RangeReads.Copy copy = storage.copyRange("a/proxy.mp4", 10, 19, "abc123", out);

		assertThat(copy).isEqualTo(RangeReads.Copy.COPIED);
		assertThat(out.toByteArray()).isEqualTo(Arrays.copyOfRange(OBJECT, 10, 20));
		assertThat(s3.requests.get(0)).startsWith("GET /bucket/a/proxy.mp4?")
			.containsIgnoringCase("range: bytes=10-19")
			.containsIgnoringCase("if-match: \"abc123\"");
	}

	@Test
	void aServerThatIgnoresRangeServesTheStartOfTheFileButNothingElse() throws Exception {
		start(request -> whole(OBJECT));
		ByteArrayOutputStream fromStart = new ByteArrayOutputStream();
		ByteArrayOutputStream fromMiddle = new ByteArrayOutputStream();

		RangeReads.Copy copy = storage.copyRange("a/proxy.mp4", 0, 99, null, fromStart);

		assertThat(copy).isEqualTo(RangeReads.Copy.COPIED);
		assertThat(fromStart.toByteArray()).isEqualTo(Arrays.copyOfRange(OBJECT, 0, 100));
		assertThatThrownBy(() -> storage.copyRange("a/proxy.mp4", 500, 599, null, fromMiddle))
			.isInstanceOf(StorageUnavailableException.class)
			.isNotInstanceOf(StorageReadFailedException.class);
		assertThat(fromMiddle.size()).isZero();
	}

	@Test
	void aChangedOrMissingObjectIsToldBeforeAnyByteIsWritten() throws Exception {
		start(request -> request.contains("/changed") ? status(412, "Precondition Failed") : status(404, "Not Found"));
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		assertThat(storage.copyRange("a/changed", 0, 9, "old", out)).isEqualTo(RangeReads.Copy.CHANGED);
		assertThat(storage.copyRange("a/missing", 0, 9, "old", out)).isEqualTo(RangeReads.Copy.MISSING);
		assertThat(out.size()).isZero();
	}

	@Test
	void s3EndingEarlyIsAStorageFailureNotAViewerWhoLeft() throws Exception {
		byte[] promised = Arrays.copyOfRange(OBJECT, 0, 100);
		start(request -> withBody("HTTP/1.1 206 Partial Content\r\nContent-Range: bytes 0-99/1000\r\n"
				+ "Content-Length: 100\r\nConnection: close\r\n\r\n", Arrays.copyOf(promised, 40)));
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		assertThatThrownBy(() -> storage.copyRange("a/proxy.mp4", 0, 99, null, out))
			.isInstanceOf(StorageReadFailedException.class)
			.cause()
			.hasMessageContaining("S3 stopped sending a/proxy.mp4 with 60 bytes to go");
		assertThat(out.toByteArray()).isEqualTo(Arrays.copyOf(promised, 40));
	}

	@Test
	void aViewerWhoLeavesIsAnIoExceptionOfTheirOwn() throws Exception {
		start(request -> partial(0, 999, OBJECT));
		OutputStream gone = new OutputStream() {
			@Override
			public void write(int b) throws IOException {
				throw new IOException("Broken pipe");
			}

			@Override
			public void write(byte[] b, int off, int len) throws IOException {
				throw new IOException("Broken pipe");
			}
		};

		assertThatThrownBy(() -> storage.copyRange("a/proxy.mp4", 0, 999, null, gone))
			.isExactlyInstanceOf(IOException.class)
			.hasMessage("Broken pipe");
	}

	private void start(Function<String, byte[]> answer) throws IOException {
		s3 = new ScriptedS3(answer);
		String endpoint = "http://127.0.0.1:" + s3.port();
		StorageSettings settings = new StorageSettings(endpoint, null, "key", "secret-secret", "bucket", "us-east-1",
				false, 0, List.of(), 4);
		connection = new S3Connection(settings, new S3Endpoints(URI.create(endpoint), URI.create(endpoint)));
		storage = new RangeReads(connection);
	}

	private static byte[] partial(long first, long last, byte[] body) {
		return withBody("HTTP/1.1 206 Partial Content\r\nContent-Range: bytes " + first + "-" + last + "/" + OBJECT.length
				+ "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n", body);
	}

	private static byte[] whole(byte[] body) {
		return withBody("HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n", body);
	}

	private static byte[] status(int code, String reason) {
		return withBody("HTTP/1.1 " + code + " " + reason + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
				new byte[0]);
	}

	private static byte[] withBody(String head, byte[] body) {
		byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
		byte[] all = Arrays.copyOf(headBytes, headBytes.length + body.length);
		System.arraycopy(body, 0, all, headBytes.length, body.length);
		return all;
	}

	private static byte[] bytes(int size) {
		byte[] bytes = new byte[size];
		for (int i = 0; i < size; i++) {
			bytes[i] = (byte) (i * 31 + 7);
		}
		return bytes;
	}

	/** One answer per connection, then the connection is closed: exactly the bytes the script gives. */
	private static final class ScriptedS3 implements AutoCloseable {

		final List<String> requests = new CopyOnWriteArrayList<>();

		private final ServerSocket server;

		ScriptedS3(Function<String, byte[]> answer) throws IOException {
			server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			Thread accept = new Thread(() -> {
				while (!server.isClosed()) {
					try (Socket client = server.accept()) {
						String request = readHead(client.getInputStream());
						requests.add(request);
						client.getOutputStream().write(answer.apply(request));
						client.getOutputStream().flush();
					}
					catch (IOException closed) {
						// the test ended, or the client left
					}
				}
			}, "scripted-s3");
			accept.setDaemon(true);
			accept.start();
		}

		int port() {
			return server.getLocalPort();
		}

		private static String readHead(InputStream in) throws IOException {
			StringBuilder head = new StringBuilder();
			int c;
			while ((c = in.read()) != -1) {
				head.append((char) c);
				if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
					break;
				}
			}
			return head.toString();
		}

		@Override
		public void close() throws IOException {
			server.close();
		}

	}

}
