package com.spatialintel.video.evidence;

import java.util.Optional;
import java.util.UUID;

import com.spatialintel.video.video.DeletionCause;
import com.spatialintel.video.video.DeletionVeto;

import org.springframework.stereotype.Component;

/**
 * An export holds its sources: while it is not deleted, neither a user nor retention may delete a
 * video it was cut from, so that the package can always be checked against its originals.
 */
@Component
class ExportHolds implements DeletionVeto {

	private final ExportRepository exports;

	ExportHolds(ExportRepository exports) {
		this.exports = exports;
	}

	@Override
	public Optional<String> objection(UUID videoId, DeletionCause cause) {
		if (cause == DeletionCause.UPLOAD_UNFINISHED || cause == DeletionCause.ORPHANED) {
			return Optional.empty();
		}
		return exports.keeping(videoId)
			.map(export -> "This video is a source of evidence export " + export.id() + " (reference "
					+ export.disclosure().reference() + ", for " + export.disclosure().recipientOrganisation()
					+ "); an admin must delete the export before the video can be deleted.");
	}

}
