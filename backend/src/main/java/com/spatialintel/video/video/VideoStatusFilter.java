package com.spatialintel.video.video;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code status} filter of a listing, in the words a person uses: where the video is on its way
 * from upload to playable proxy. {@code failed} matches a failed upload as well as failed processing.
 */
public enum VideoStatusFilter {

	UPLOADING("upload_status = 'uploading'"),

	UPLOADED("upload_status = 'uploaded'"),

	PENDING("upload_status = 'uploaded' AND processing_status = 'pending'"),

	QUEUED("upload_status = 'uploaded' AND processing_status = 'queued'"),

	RUNNING("upload_status = 'uploaded' AND processing_status = 'running'"),

	COMPLETED("upload_status = 'uploaded' AND processing_status = 'completed'"),

	FAILED("(upload_status = 'failed' OR processing_status = 'failed')");

	private final String condition;

	VideoStatusFilter(String condition) {
		this.condition = condition;
	}

	String condition() {
		return condition;
	}

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<VideoStatusFilter> of(String value) {
		return Arrays.stream(values()).filter(status -> status.value().equals(value)).findFirst();
	}

	public static List<String> names() {
		return Arrays.stream(values()).map(VideoStatusFilter::value).toList();
	}

}
