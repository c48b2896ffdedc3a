package com.spatialintel.video.video;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a video's upload is, with the only changes allowed. Besides the stored
 * {@link UploadStatus}, two states are named: {@link #COMPLETING}, while one complete call holds the
 * row's claim ({@code completing_until} in the future), and {@link #DELETING}, once its deletion was
 * asked for ({@code deletion_requested_at}). {@link #REMOVED} is the row deleted. Each state is a
 * SQL condition on the row at {@code :now}; {@link UploadTransition} builds its guards from them.
 */
enum UploadState {

	/** Parts are being sent; no complete holds the claim (or its claim lapsed). */
	UPLOADING("upload_status = 'uploading' AND deletion_requested_at IS NULL"
			+ " AND (completing_until IS NULL OR completing_until < :now)"),

	/** One complete call assembles, checks and probes the file, holding the claim until {@code completing_until}. */
	COMPLETING("upload_status = 'uploading' AND deletion_requested_at IS NULL AND completing_until >= :now"),

	UPLOADED("upload_status = 'uploaded' AND deletion_requested_at IS NULL"),

	FAILED("upload_status = 'failed' AND deletion_requested_at IS NULL"),

	/** Hidden from everyone; its objects are being deleted, then the row. */
	DELETING("deletion_requested_at IS NOT NULL"),

	/** The row is gone. */
	REMOVED(null);

	private static final Map<UploadState, Set<UploadState>> ALLOWED = Map.of(
			UPLOADING, EnumSet.of(COMPLETING, UPLOADED, FAILED, DELETING, REMOVED),
			COMPLETING, EnumSet.of(UPLOADING, UPLOADED, FAILED, DELETING),
			UPLOADED, EnumSet.of(DELETING),
			FAILED, EnumSet.of(UPLOADING, DELETING, REMOVED),
			DELETING, EnumSet.of(REMOVED),
			REMOVED, EnumSet.noneOf(UploadState.class));

	private final String condition;

	UploadState(String condition) {
		this.condition = condition;
	}

	boolean mayBecome(UploadState next) {
		return ALLOWED.get(this).contains(next);
	}

	/** The row is in this state, as a SQL condition with the named parameter {@code :now}. */
	String condition() {
		if (condition == null) {
			throw new IllegalStateException("A removed row has no condition");
		}
		return condition;
	}

}
