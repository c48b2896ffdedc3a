package com.spatialintel.video.errors;

import java.net.URI;
import java.time.Clock;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.spatialintel.video.database.DatabaseOutage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns the exceptions of Spring MVC's handlers into RFC 9457 problem details, built by
 * {@link ProblemWriter} like every other refusal. Every detail is a sentence a person can act on;
 * bad input is always a 4xx, and only a genuine fault is a 500.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:Object property|field) (['\"][^'\"]{0,60}['\"])");

	@ExceptionHandler(DomainException.class)
	ResponseEntity<Object> handleDomain(DomainException ex, WebRequest request) {
		HttpHeaders headers = new HttpHeaders();
		headers.addAll(ex.headers());
		if (ex.retryAfter() != null) {
			headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, ex.retryAfter().toSeconds())));
		}
		return problem(ex, ex.status(), ex.getMessage(), headers, request);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<Object> handleAccessDenied(AccessDeniedException ex, WebRequest request) {
		return problem(ex, HttpStatus.FORBIDDEN, "Your role does not allow this action.", new HttpHeaders(), request);
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<Object> handleIntegrity(DataIntegrityViolationException ex, WebRequest request) {
		log.warn("Integrity violation not translated by its repository", ex);
		return problem(ex, HttpStatus.CONFLICT, "The request conflicts with data that already exists; reload and try again.",
				new HttpHeaders(), request);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
		if (DatabaseOutage.isCause(ex)) {
			DatabaseOutage.report(ex, Clock.systemUTC());
			HttpHeaders headers = new HttpHeaders();
			headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseOutage.RETRY_AFTER.toSeconds()));
			return problem(ex, HttpStatus.SERVICE_UNAVAILABLE, DatabaseOutage.SENTENCE, headers, request);
		}
		String reference = UUID.randomUUID().toString();
		log.error("Unexpected error, reference {}", reference, ex);
		ProblemDetail body = ProblemWriter.problem(HttpStatus.INTERNAL_SERVER_ERROR,
				"Something went wrong on our side. The error was logged with reference " + reference + ".", path(request));
		body.setProperty("reference", reference);
		return handleExceptionInternal(ex, body, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(error -> Map.of("field", JsonNames.of(error.getField()), "message", messageOf(error)))
			.sorted(Comparator.comparing((Map<String, String> error) -> error.get("field"))
				.thenComparing(error -> error.get("message")))
			.toList();
		String detail = errors.stream()
			.map(error -> error.get("field") + " " + error.get("message"))
			.distinct()
			.collect(Collectors.joining("; ", "The request is invalid: ", "."));
		ProblemDetail body = ProblemWriter.problem(HttpStatus.BAD_REQUEST, detail, path(request));
		body.setProperty("errors", errors);
		return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String detail = ex.getParameterValidationResults()
			.stream()
			.flatMap(result -> result.getResolvableErrors()
				.stream()
				.map(error -> JsonNames.of(result.getMethodParameter().getParameterName()) + " "
						+ error.getDefaultMessage()))
			.collect(Collectors.joining("; ", "The request is invalid: ", "."));
		return problem(ex, HttpStatus.BAD_REQUEST, detail, headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return problem(ex, HttpStatus.BAD_REQUEST, unreadableBodySentence(ex), headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = ex instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
				: ex.getPropertyName();
		String detail = "%s must be %s; '%s' is not.".formatted(JsonNames.of(name), describe(ex.getRequiredType()),
				ex.getValue());
		return problem(ex, HttpStatus.BAD_REQUEST, detail, headers, request);
	}

	/** Spring's own words for an address with no handler ("No static resource …") are not ours. */
	@Override
	protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String path = path(request);
		String detail = path.startsWith("/api/") || path.equals("/api")
				? "There is no API endpoint at " + ProblemWriter.safePath(path) + " for " + ex.getHttpMethod()
						+ "; the endpoints are listed at /api/docs."
				: "There is nothing at this address.";
		return problem(ex, HttpStatus.NOT_FOUND, detail, headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (body instanceof ProblemDetail problem && problem.getInstance() == null) {
			problem.setInstance(URI.create(ProblemWriter.safePath(path(request))));
		}
		return super.handleExceptionInternal(ex, body, headers, statusCode, request);
	}

	private ResponseEntity<Object> problem(Exception ex, HttpStatus status, String detail, HttpHeaders headers,
			WebRequest request) {
		return handleExceptionInternal(ex, ProblemWriter.problem(status, detail, path(request)), headers, status, request);
	}

	private static String path(WebRequest request) {
		return request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : "/";
	}

	private static String messageOf(FieldError error) {
		return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
	}

	private static String unreadableBodySentence(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getMostSpecificCause();
		if (cause instanceof InputCoercionException outOfRange) {
			String field = fieldPath(outOfRange);
			JsonParser parser = outOfRange.processor();
			if (field.isEmpty() && parser != null && parser.currentName() != null) {
				field = parser.currentName();
			}
			return "%s is a number out of range.".formatted(field.isEmpty() ? "A number in the request body" : field);
		}
		if (cause instanceof StreamReadException parse && !(cause instanceof MismatchedInputException)) {
			Matcher duplicate = DUPLICATE.matcher(String.valueOf(parse.getOriginalMessage()));
			if (duplicate.find()) {
				return "The request body gives " + duplicate.group(1) + " more than once; give each field once.";
			}
			// Jackson's own words name its parser settings, which mean nothing to the sender
			TokenStreamLocation where = parse.getLocation();
			return where == null || where.getLineNr() < 0 ? "The request body is not valid JSON."
					: "The request body is not valid JSON (line %d, column %d).".formatted(where.getLineNr(),
							where.getColumnNr());
		}
		if (cause instanceof MismatchedInputException mismatch) {
			String field = fieldPath(mismatch);
			if (field.isEmpty()) {
				return mismatch.getTargetType() == null ? "The request body must be a JSON object."
						: "The request body must be " + describe(mismatch.getTargetType()) + ".";
			}
			if (mismatch instanceof InvalidFormatException invalid) {
				return "%s must be %s; '%s' is not.".formatted(field, describe(invalid.getTargetType()),
						invalid.getValue());
			}
			return "%s must be %s.".formatted(field, describe(mismatch.getTargetType()));
		}
		if (cause instanceof JacksonException jackson && !fieldPath(jackson).isEmpty()) {
			return fieldPath(jackson) + " is invalid: " + jackson.getOriginalMessage() + ".";
		}
		return "The request body is missing or unreadable; send a JSON object.";
	}

	private static String fieldPath(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String describe(@Nullable Class<?> type) {
		if (type == null) {
			return "a valid value";
		}
		if (type.isEnum()) {
			return "one of " + Arrays.stream(type.getEnumConstants())
				.map(Object::toString)
				.collect(Collectors.joining(", "));
		}
		if (type == UUID.class) {
			return "a UUID such as 3f2b8c1e-9a4d-4c6b-8e21-5d7f0a1b2c3d";
		}
		if (type == String.class) {
			return "a string";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (type == long.class || type == Long.class || type == int.class || type == Integer.class || type == short.class
				|| type == Short.class) {
			return "a whole number";
		}
		if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
			return "a number";
		}
		if (Temporal.class.isAssignableFrom(type)) {
			return "a date-time such as 2025-10-30T14:00:00Z";
		}
		if (Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "a JSON array";
		}
		return "a JSON object";
	}

}
