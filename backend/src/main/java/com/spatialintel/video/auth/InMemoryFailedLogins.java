package com.spatialintel.video.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One node's count, kept in memory: the embedded mode's, and every node's while Redis is away. */
class InMemoryFailedLogins implements FailedLogins {

	private static final int MAX_TRACKED_KEYS = 100_000;

	private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

	@Override
	public Recent recent(String key, Instant now, Duration window) {
		Deque<Instant> recent = failures.get(key);
		if (recent == null) {
			return Recent.NONE;
		}
		synchronized (recent) {
			prune(recent, now, window);
			return recent.isEmpty() ? Recent.NONE : new Recent(recent.size(), recent.peekFirst());
		}
	}

	@Override
	public void add(String key, Instant now, Duration window) {
		if (failures.size() >= MAX_TRACKED_KEYS) {
			failures.clear();
		}
		Deque<Instant> recent = failures.computeIfAbsent(key, unused -> new ArrayDeque<>());
		synchronized (recent) {
			prune(recent, now, window);
			recent.addLast(now);
		}
	}

	@Override
	public void forget(String key) {
		failures.remove(key);
	}

	private static void prune(Deque<Instant> recent, Instant now, Duration window) {
		Instant oldestKept = now.minus(window);
		while (!recent.isEmpty() && !recent.peekFirst().isAfter(oldestKept)) {
			recent.removeFirst();
		}
	}

}
