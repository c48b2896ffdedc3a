package com.spatialintel.video.errors;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import com.spatialintel.video.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that Tomcat or Spring Security refuse before the app, and those that reach only the
 * container's error page, sent byte for byte over a socket (an HTTP client would refuse to send
 * most of them): each is answered with problem+json and a sentence, never HTML, Spring's default
 * JSON or a 500.
 */
@IntegrationTest
class HttpLayerErrorTests {

	@Value("${local.server.port}")
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "/malls/%ZZ", "/api/malls/%ZZ", "/a/%00", "/api/..%2Fx", "/%2e%2e/x", "/api/malls;jsessionid=1",
			"/api/malls//x", "/api/%2F", "/api/malls/%C3%28" })
	void aPathRefusedBeforeTheAppIsAProblemWithASentence(String path) throws IOException {
		Answer answer = send("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

		assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
		assertProblem(answer);
		assertThat(answer.body()).contains("could not be read");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/malls?x=%ZZ", "/api/videos/00000000-0000-0000-0000-000000000000/proxy?expires=%ZZ&signature=a",
			"/api/videos/00000000-0000-0000-0000-000000000000/poster?x=%GG", "/api/client-settings?a=%",
			"/api/malls?status=a&status=b", "/?x=%ZZ", "/actuator/health?x=%E0%A4%A" })
	void aBrokenOrRepeatedQueryParameterIsA400OnEveryAddress(String target) throws IOException {
		Answer answer = send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

		assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
		assertProblem(answer);
		assertThat(answer.body()).containsAnyOf("cannot be read", "more than once");
	}

	@Test
	void headersTooLargeAreAProblem() throws IOException {
		Answer answer = send("GET /api/malls HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(20_000)
				+ "\r\nConnection: close\r\n\r\n");

		assertThat(answer.status()).isIn(400, 431);
		assertProblem(answer);
	}

	@Test
	void traceIsRefusedAsAProblem() throws IOException {
		Answer answer = send("TRACE /api/malls HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

		assertThat(answer.status()).isEqualTo(405);
		assertProblem(answer);
	}

	@Test
	void twoAuthorizationHeadersAreA400() throws IOException {
		Answer answer = send("GET /api/malls HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer a\r\n"
				+ "Authorization: Bearer b\r\nConnection: close\r\n\r\n");

		assertThat(answer.status()).isEqualTo(400);
		assertProblem(answer);
		assertThat(answer.body()).contains("more than one Authorization header");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/health/unknown", "/actuator/health/db/x", "/actuator/nothing" })
	void anActuatorErrorIsAProblemWithASentence(String path) throws IOException {
		Answer answer = send("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

		assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
		assertProblem(answer);
	}

	@Test
	void theErrorPageAskedForDirectlyIsNotFound() throws IOException {
		Answer answer = send("GET /error HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

		assertThat(answer.status()).isEqualTo(404);
		assertProblem(answer);
	}

	private static void assertProblem(Answer answer) {
		assertThat(answer.head()).as(answer.toString()).containsIgnoringCase("Content-Type: application/problem+json");
		assertThat(answer.body()).contains("\"detail\":\"").contains("\"status\":" + answer.status())
			.doesNotContain("<html", "Exception", "Tomcat", "JsonReadFeature", "\"timestamp\"");
	}

	private Answer send(String request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			try {
				in.transferTo(bytes);
			}
			catch (IOException resetAfterAnswer) {
				// Tomcat may reset a connection it refused once it has answered
			}
			String text = bytes.toString(StandardCharsets.UTF_8);
			int split = text.indexOf("\r\n\r\n");
			String head = split < 0 ? text : text.substring(0, split);
			String body = split < 0 ? "" : text.substring(split + 4);
			int status = head.length() >= 12 ? Integer.parseInt(head.substring(9, 12)) : -1;
			return new Answer(status, head, body);
		}
	}

	private record Answer(int status, String head, String body) {
	}

}
