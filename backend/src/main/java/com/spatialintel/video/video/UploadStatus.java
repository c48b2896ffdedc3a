package com.spatialintel.video.video;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where the original file is: on its way, stored, or given up on. */
public enum UploadStatus {

	UPLOADING, UPLOADED, FAILED;

	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	static UploadStatus of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
