package com.spatialintel.video.video;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every change of a video's upload state the app makes, each from the states it may start in.
 * {@link VideoRepository} takes its guards from these, and each must be allowed by
 * {@link UploadState}'s table (checked when the class loads), so the table owns them all.
 */
enum UploadTransition {

	/** A failed upload of the same file starts over on its row. */
	RESTART(EnumSet.of(UploadState.FAILED), UploadState.UPLOADING),

	/** One complete call takes the row: the completion claim. */
	CLAIM_COMPLETION(EnumSet.of(UploadState.UPLOADING), UploadState.COMPLETING),

	/** The claim is let go (bad receipts, S3 away); it also lapses by itself at {@code completing_until}. */
	RELEASE_COMPLETION(EnumSet.of(UploadState.COMPLETING), UploadState.UPLOADING),

	/** The file is assembled, checked and described; a call whose claim lapsed meanwhile may still finish. */
	COMPLETE(EnumSet.of(UploadState.COMPLETING, UploadState.UPLOADING), UploadState.UPLOADED),

	FAIL(EnumSet.of(UploadState.UPLOADING, UploadState.COMPLETING), UploadState.FAILED),

	/** The deletion request: the row is hidden at once. */
	REQUEST_DELETION(EnumSet.of(UploadState.UPLOADING, UploadState.COMPLETING, UploadState.UPLOADED, UploadState.FAILED),
			UploadState.DELETING),

	/** An upload that never finished is aborted, or given up on: its row goes at once. */
	REMOVE_UNFINISHED(EnumSet.of(UploadState.UPLOADING, UploadState.FAILED), UploadState.REMOVED),

	/** The objects of a video being deleted are gone: so goes its row. */
	REMOVE_DELETED(EnumSet.of(UploadState.DELETING), UploadState.REMOVED);

	private final Set<UploadState> from;

	private final UploadState to;

	UploadTransition(Set<UploadState> from, UploadState to) {
		for (UploadState source : from) {
			if (!source.mayBecome(to)) {
				throw new IllegalStateException(name() + ": " + source + " may not become " + to);
			}
		}
		this.from = from;
		this.to = to;
	}

	Set<UploadState> from() {
		return from;
	}

	UploadState to() {
		return to;
	}

	/** The WHERE condition: the row is in one of the states this change starts from ({@code :now} named). */
	String guard() {
		return from.stream().map(state -> "(" + state.condition() + ")")
			.collect(Collectors.joining(" OR ", "(", ")"));
	}

}
