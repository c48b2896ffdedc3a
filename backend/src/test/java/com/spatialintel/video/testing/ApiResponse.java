package com.spatialintel.video.testing;

import java.net.http.HttpHeaders;

import tools.jackson.databind.JsonNode;

/** A response as a client sees it: status, headers and the parsed JSON body. */
public record ApiResponse(int status, HttpHeaders headers, JsonNode body) {

	public String header(String name) {
		return headers.firstValue(name).orElse(null);
	}

	public String text(String field) {
		return body.path(field).asString();
	}

	public String detail() {
		return text("detail");
	}

	@Override
	public String toString() {
		return status + " " + body;
	}

}
