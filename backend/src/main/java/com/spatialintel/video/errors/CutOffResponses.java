package com.spatialintel.video.errors;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.coyote.CloseNowException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cuts off a response whose body could not be finished after it was committed (the source of its
 * bytes broke midway): the connection is closed at once, so the client sees a short body as an
 * error now, instead of waiting on a kept-alive connection for bytes that will never come. Code
 * that writes such a body calls {@link #cutOff} and returns; after the request this filter hands
 * Tomcat a {@link CloseNowException}, which Tomcat answers by closing the connection, quietly.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CutOffResponses extends OncePerRequestFilter {

	private static final String ATTRIBUTE = CutOffResponses.class.getName() + ".reason";

	/** Asks for this request's connection to be closed once the request returns. */
	public static void cutOff(ServletRequest request, String reason) {
		request.setAttribute(ATTRIBUTE, reason);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(request, response);
		if (request.getAttribute(ATTRIBUTE) instanceof String reason && response.isCommitted()) {
			throw new CloseNowException(reason);
		}
	}

}
