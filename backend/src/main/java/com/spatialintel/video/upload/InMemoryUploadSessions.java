package com.spatialintel.video.upload;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The embedded mode's session store: the same contract and TTL as Redis, within one process. */
class InMemoryUploadSessions implements UploadSessions {

	private record Entry(UploadSession session, Instant expires) {
	}

	private final Map<UUID, Entry> sessions = new ConcurrentHashMap<>();

	private final Clock clock;

	InMemoryUploadSessions(Clock clock) {
		this.clock = clock;
	}

	@Override
	public void save(UUID videoId, UploadSession session, Duration ttl) {
		Instant now = clock.instant();
		sessions.values().removeIf(entry -> !entry.expires().isAfter(now));
		sessions.put(videoId, new Entry(session, now.plus(ttl)));
	}

	@Override
	public Optional<UploadSession> find(UUID videoId) {
		Entry entry = sessions.get(videoId);
		if (entry == null || !entry.expires().isAfter(clock.instant())) {
			return Optional.empty();
		}
		return Optional.of(entry.session());
	}

	@Override
	public void delete(UUID videoId) {
		sessions.remove(videoId);
	}

}
