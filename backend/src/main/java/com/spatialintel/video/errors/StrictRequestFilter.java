package com.spatialintel.video.errors;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What a request means must not be a guess. Before anything else sees it, a query string with a
 * broken %-escape, bytes that are not UTF-8, or a parameter given twice, and a request with more
 * than one {@code Authorization} header, are a 400 with a sentence, on every address (the API, the
 * public playback links, unknown parameters too). Left to Tomcat, a broken escape was a 500 on the
 * first parameter read and silently ignored where none was read; a repeated parameter was joined
 * with a comma; of two tokens, one was used.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class StrictRequestFilter extends OncePerRequestFilter {

	private final ProblemWriter problems;

	StrictRequestFilter(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		Optional<String> problem = problemOf(request.getQueryString());
		if (problem.isEmpty() && Collections.list(request.getHeaders(HttpHeaders.AUTHORIZATION)).size() > 1) {
			problem = Optional.of("The request has more than one Authorization header; send one.");
		}
		if (problem.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		problems.write(response, ProblemWriter.problem(HttpStatus.BAD_REQUEST, problem.get(), request.getRequestURI()));
	}

	/** @return the sentence saying what is wrong with the query string, or empty when it is sound */
	static Optional<String> problemOf(String query) {
		if (query == null || query.isEmpty()) {
			return Optional.empty();
		}
		Set<String> names = new HashSet<>();
		for (String pair : query.split("&", -1)) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String rawName = equals < 0 ? pair : pair.substring(0, equals);
			String rawValue = equals < 0 ? "" : pair.substring(equals + 1);
			Optional<String> name = decode(rawName);
			if (name.isEmpty()) {
				return Optional.of(malformed("a parameter name"));
			}
			if (decode(rawValue).isEmpty()) {
				return Optional.of(malformed("the value of '" + QueryValues.printable(name.get()) + "'"));
			}
			if (!names.add(name.get())) {
				return Optional.of("The query parameter '" + QueryValues.printable(name.get())
						+ "' is given more than once; give each parameter once.");
			}
		}
		return Optional.empty();
	}

	private static String malformed(String where) {
		return "The query string cannot be read: " + where
				+ " has a broken %-escape or bytes that are not UTF-8. Write '%' as %25 and encode text as UTF-8.";
	}

	/**
	 * Form decoding ({@code +} is a space), refusing what {@code URLDecoder} would guess at. A character
	 * outside the BMP sent unencoded used to become "??" (ParserPropertyTests).
	 */
	static Optional<String> decode(String raw) {
		ByteBuffer bytes = ByteBuffer.allocate(raw.length() * 3);
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c == '%') {
				if (i + 2 >= raw.length()) {
					return Optional.empty();
				}
				int high = Character.digit(raw.charAt(i + 1), 16);
				int low = Character.digit(raw.charAt(i + 2), 16);
				if (high < 0 || low < 0) {
					return Optional.empty();
				}
				bytes.put((byte) (high * 16 + low));
				i += 2;
			}
			else if (c == '+') {
				bytes.put((byte) ' ');
			}
			else {
				// a character sent unencoded, whole: a surrogate pair is one character, half of one is none
				int codePoint = raw.codePointAt(i);
				if (Character.isSurrogate(c) && Character.charCount(codePoint) == 1) {
					return Optional.empty();
				}
				bytes.put(Character.toString(codePoint).getBytes(StandardCharsets.UTF_8));
				i += Character.charCount(codePoint) - 1;
			}
		}
		bytes.flip();
		try {
			return Optional.of(StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(bytes)
				.toString());
		}
		catch (CharacterCodingException ex) {
			return Optional.empty();
		}
	}

}
