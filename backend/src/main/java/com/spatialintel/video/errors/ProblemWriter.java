package com.spatialintel.video.errors;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The one writer of RFC 9457 problem+json bodies: every refusal the app makes, wherever it is made
 * (the advice, the error page, Tomcat's error report, Spring Security, the request filters), is
 * built by {@link #problem} and written by this class, so that all of them look the same.
 */
@Component
public class ProblemWriter {

	/** The app's writer, for Tomcat's error report valve, which Tomcat makes and Spring does not. */
	private static final AtomicReference<ProblemWriter> APP = new AtomicReference<>();

	private final JsonMapper json;

	ProblemWriter(JsonMapper json) {
		this.json = json;
		APP.set(this);
	}

	/** The app's writer once the app has started; null before. */
	static ProblemWriter app() {
		return APP.get();
	}

	/**
	 * A problem with the sentence a person reads, about the path that was asked for. The path is
	 * kept only when it is a plain URI path: a refused path may be what made it refused.
	 */
	public static ProblemDetail problem(HttpStatusCode status, String detail, String path) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(ErrorSentences.title(status.value()));
		problem.setInstance(URI.create(safePath(path)));
		return problem;
	}

	/** The problem as the answer of a controller, with headers such as {@code Retry-After}. */
	public static ResponseEntity<ProblemDetail> answer(ProblemDetail problem, HttpHeaders headers) {
		return ResponseEntity.status(problem.getStatus()).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	/** Writes the problem as the whole response, outside Spring MVC (a filter, Spring Security). */
	public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), problem);
	}

	/** The body as text, for a writer that takes characters (Tomcat's error report). */
	String text(ProblemDetail problem) {
		return json.writeValueAsString(problem);
	}

	static String safePath(String path) {
		if (path == null) {
			return "/";
		}
		try {
			return URI.create(path).getRawPath() != null && path.matches("[A-Za-z0-9/._~%!$&'()*+,=:@-]*") ? path : "/";
		}
		catch (IllegalArgumentException ex) {
			return "/";
		}
	}

}
