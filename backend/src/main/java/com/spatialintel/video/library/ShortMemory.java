package com.spatialintel.video.library;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Facts remembered for a few seconds on the playback path, where a player sends a request per seek
 * and each would otherwise ask the database or S3 the same question again. Bounded in size, and
 * aged by the application's {@link Clock}, so that tests move time instead of sleeping.
 */
final class ShortMemory {

	private static final int MAX_ENTRIES = 10_000;

	static <K, V> Cache<K, V> of(Duration lifetime, Clock clock) {
		return Caffeine.newBuilder().expireAfterWrite(lifetime).maximumSize(MAX_ENTRIES).ticker(() -> {
			Instant now = clock.instant();
			return now.getEpochSecond() * 1_000_000_000L + now.getNano();
		}).build();
	}

	private ShortMemory() {
	}

}
