package com.spatialintel.video.upload;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Where upload sessions are cached: Redis, or memory in the embedded mode. The video row holds
 * the same facts durably, so a lost or unreachable store loses nothing: callers fall back to it.
 */
interface UploadSessions {

	void save(UUID videoId, UploadSession session, Duration ttl);

	Optional<UploadSession> find(UUID videoId);

	void delete(UUID videoId);

	static String key(UUID videoId) {
		return "upload:" + videoId;
	}

}
