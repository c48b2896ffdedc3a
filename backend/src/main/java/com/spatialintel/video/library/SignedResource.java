package com.spatialintel.video.library;

import org.springframework.http.MediaType;

/** What a signed link can open; the name is part of what is signed, so a poster link never opens the video. */
enum SignedResource {

	PROXY("proxy", MediaType.valueOf("video/mp4")),

	POSTER("poster", MediaType.IMAGE_JPEG),

	/** The scrub previews' WebVTT file, whose image links are signed when it is served. */
	PREVIEWS("previews.vtt", MediaType.valueOf("text/vtt;charset=UTF-8")),

	PREVIEWS_IMAGE("previews.jpg", MediaType.IMAGE_JPEG);

	private final String pathSegment;

	private final MediaType contentType;

	SignedResource(String pathSegment, MediaType contentType) {
		this.pathSegment = pathSegment;
		this.contentType = contentType;
	}

	String pathSegment() {
		return pathSegment;
	}

	MediaType contentType() {
		return contentType;
	}

}
