package com.spatialintel.video.video;

/** Why a video's objects are about to be deleted; a {@link DeletionVeto} may weigh it. */
public enum DeletionCause {

	/** Someone asked for the video to be deleted ({@code DELETE /api/videos/{id}}). */
	REQUESTED,

	/** Its upload failed or was aborted before it was complete: its original is not footage anyone has. */
	UPLOAD_UNFINISHED,

	/** The mall's retention period passed ({@code retention_days}): the daily retention run. */
	RETENTION,

	/** The objects have no video row (a write interrupted between storing and recording); the orphan sweep. */
	ORPHANED

}
