package com.spatialintel.video.errors;

import java.time.Clock;

import com.spatialintel.video.database.DatabaseOutage;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page, in place of Spring Boot's default JSON: what a filter, Spring
 * Security's firewall or the container sent with {@code sendError} (a path with {@code ;} or
 * {@code //}, TRACE, …) is answered with problem+json and a sentence. Asked for directly,
 * {@code /error} is a page that does not exist.
 */
@RestController
@Hidden
class ProblemErrorController implements ErrorController {

	@RequestMapping(path = "${server.error.path:/error}", produces = { MediaType.APPLICATION_PROBLEM_JSON_VALUE,
			MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE })
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = code instanceof Integer number && number >= 400 ? number : HttpStatus.NOT_FOUND.value();
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = uri instanceof String asked ? asked : request.getRequestURI();
		if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
				&& DatabaseOutage.isCause(failure)) {
			// a filter needed the database (the signed-in user's grants) and it is away
			DatabaseOutage.report(failure, Clock.systemUTC());
			HttpHeaders headers = new HttpHeaders();
			headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseOutage.RETRY_AFTER.toSeconds()));
			return ProblemWriter.answer(ProblemWriter.problem(HttpStatus.SERVICE_UNAVAILABLE, DatabaseOutage.SENTENCE, path),
					headers);
		}
		return ProblemWriter.answer(ProblemWriter.problem(HttpStatusCode.valueOf(status), ErrorSentences.forStatus(status),
				path), new HttpHeaders());
	}

}
