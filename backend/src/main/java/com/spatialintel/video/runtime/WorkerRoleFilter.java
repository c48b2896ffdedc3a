package com.spatialintel.video.runtime;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.spatialintel.video.errors.ProblemWriter;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** A worker process ({@code APP_ROLE=worker}) serves health and metrics only, never the API. */
@Component
@ConditionalOnProperty(name = "app.role", havingValue = "worker")
@Order(Ordered.HIGHEST_PRECEDENCE)
class WorkerRoleFilter extends OncePerRequestFilter {

	private final ProblemWriter problems;

	WorkerRoleFilter(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getRequestURI().startsWith("/actuator");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		problems.write(response, ProblemWriter.problem(HttpStatus.NOT_FOUND,
				"This process only runs workers (APP_ROLE=worker); the API is served by the web processes.",
				request.getRequestURI()));
	}

}
