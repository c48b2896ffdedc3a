package com.spatialintel.video.auth;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.spatialintel.video.errors.ProblemWriter;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * 401 and 403 raised by the security filters, before any controller runs, written as the same
 * problem+json the rest of the API answers with.
 */
@Component
class ProblemSecurityResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final ProblemWriter problems;

	ProblemSecurityResponses(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		boolean tokenSent = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
		String detail;
		if (!tokenSent) {
			detail = "Sign in first: this request needs an 'Authorization: Bearer <token>' header from POST /api/auth/login.";
		}
		else if (ex instanceof OAuth2AuthenticationException oauth
				&& (CurrentUserConverter.DISABLED.equals(oauth.getError().getDescription())
						|| CurrentUserConverter.CREDENTIALS_CHANGED.equals(oauth.getError().getDescription()))) {
			detail = oauth.getError().getDescription();
		}
		else if (isExpiry(ex)) {
			detail = "Your sign-in has expired; sign in again.";
		}
		else {
			detail = "The bearer token is not valid (it may be malformed, altered, or for a user who no longer exists); sign in again.";
		}
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
				tokenSent ? "Bearer error=\"invalid_token\"" : "Bearer");
		write(request, response, HttpStatus.UNAUTHORIZED, detail);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		write(request, response, HttpStatus.FORBIDDEN, "Your role does not allow this action.");
	}

	private static boolean isExpiry(AuthenticationException ex) {
		return ex instanceof OAuth2AuthenticationException oauth && oauth.getError().getDescription() != null
				&& oauth.getError().getDescription().contains("expired");
	}

	private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
			throws IOException {
		problems.write(response, ProblemWriter.problem(status, detail, request.getRequestURI()));
	}

}
