package com.spatialintel.video.errors;

import org.springframework.http.HttpStatus;

/**
 * The sentence for an error that no handler of ours wrote: a request refused by Tomcat or Spring
 * Security before it reached the app, a {@code sendError} from a filter, a status without a cause.
 * Never a library's own message: those name settings and classes, not what to do.
 */
final class ErrorSentences {

	private ErrorSentences() {
	}

	static String forStatus(int status) {
		return switch (status) {
			case 400 -> "This request could not be read: its address, query or headers are malformed or not allowed "
					+ "(for example a broken %-escape, an encoded slash, '..', ';', a NUL character, or headers that are too large).";
			case 401 -> "Sign in first: this request needs an 'Authorization: Bearer <token>' header from POST /api/auth/login.";
			case 403 -> "This request is not allowed.";
			case 404 -> "There is nothing at this address.";
			case 405 -> "This address does not accept that HTTP method.";
			case 406 -> "This address cannot answer in a format the request accepts; ask for application/json.";
			case 408 -> "The request took too long to arrive; send it again.";
			case 411 -> "This request needs a Content-Length header.";
			case 412 -> "A precondition of this request (If-Match or If-Unmodified-Since) does not hold.";
			case 413 -> "This request is larger than the server accepts.";
			case 414 -> "This address is longer than the server accepts.";
			case 415 -> "This address does not accept that content type; send application/json.";
			case 417 -> "The server does not support that Expect header.";
			case 429 -> "Too many requests; wait a moment and try again.";
			case 431 -> "The request's headers are larger than the server accepts.";
			case 501 -> "The server does not support that HTTP method.";
			case 503 -> "The service is unavailable for the moment; try again shortly.";
			case 505 -> "The server speaks HTTP/1.1 and HTTP/2 only.";
			default -> status >= 500 ? "Something went wrong on our side; try again, and tell the operators if it keeps happening."
					: "The request was refused (" + reason(status) + ").";
		};
	}

	static String title(int status) {
		return reason(status);
	}

	private static String reason(int status) {
		HttpStatus known = HttpStatus.resolve(status);
		return known != null ? known.getReasonPhrase() : "HTTP " + status;
	}

}
