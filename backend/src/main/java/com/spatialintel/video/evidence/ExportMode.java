package com.spatialintel.video.evidence;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How an export's clips are cut from their originals. */
enum ExportMode {

	/**
	 * The packets as recorded, byte for byte: the start is widened back to the keyframe at or before
	 * In, so nothing of the requested range is missing.
	 */
	STREAM_COPY,

	/** Re-encoded from exactly In to Out: a derivative of the original, labelled so in the manifest. */
	FRAME_EXACT;

	String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Optional<ExportMode> named(String value) {
		return Arrays.stream(values()).filter(mode -> mode.value().equals(value)).findFirst();
	}

}
