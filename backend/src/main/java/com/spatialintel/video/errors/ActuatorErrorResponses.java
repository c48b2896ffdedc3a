package com.spatialintel.video.errors;

import java.io.IOException;
import java.io.PrintWriter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The actuator answers some errors with a status and no body ({@code /actuator/health/<unknown>}
 * is a bare 404). Such an answer is turned into the container's error, so that it gets the same
 * problem+json as every other error ({@link ProblemErrorController}); answers with a body (a DOWN
 * health is a 503 that says what is down) pass unchanged.
 */
@Component
class ActuatorErrorResponses extends OncePerRequestFilter {

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith("/actuator");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		BodyWatchingResponse watched = new BodyWatchingResponse(response);
		chain.doFilter(request, watched);
		if (watched.isBareError() && !response.isCommitted()) {
			response.resetBuffer();
			response.sendError(watched.getStatus());
		}
	}

	/** Notes whether a body was started, and holds back the flush of an error that has none. */
	private static final class BodyWatchingResponse extends HttpServletResponseWrapper {

		private boolean bodyStarted;

		BodyWatchingResponse(HttpServletResponse response) {
			super(response);
		}

		boolean isBareError() {
			return getStatus() >= 400 && !bodyStarted;
		}

		@Override
		public ServletOutputStream getOutputStream() throws IOException {
			bodyStarted = true;
			return super.getOutputStream();
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			bodyStarted = true;
			return super.getWriter();
		}

		@Override
		public void sendError(int status, String message) throws IOException {
			bodyStarted = true;
			super.sendError(status, message);
		}

		@Override
		public void sendError(int status) throws IOException {
			bodyStarted = true;
			super.sendError(status);
		}

		@Override
		public void flushBuffer() throws IOException {
			if (!isBareError()) {
				super.flushBuffer();
			}
		}

	}

}
