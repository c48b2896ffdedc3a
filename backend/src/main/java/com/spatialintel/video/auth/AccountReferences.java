package com.spatialintel.video.auth;

import java.util.UUID;

/**
 * Whether other modules' records name a user, so that the account must be kept (disabled, not
 * deleted) for the record: the video module answers for uploads.
 */
public interface AccountReferences {

	/** True when the user uploaded at least one video. */
	boolean isReferenced(UUID userId);

}
