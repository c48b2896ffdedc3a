package com.spatialintel.video.auth;

import java.time.Duration;
import java.time.Instant;

/**
 * Recent failed sign-ins by key (an account, or a client's address), over a sliding window. In
 * Redis when the app has one, so that every web node counts the same failures; in memory without.
 */
interface FailedLogins {

	/** How many failures the key had within the window before {@code now}, and the oldest of them. */
	Recent recent(String key, Instant now, Duration window);

	void add(String key, Instant now, Duration window);

	void forget(String key);

	/** @param oldest null when {@code count} is 0 */
	record Recent(int count, Instant oldest) {

		static final Recent NONE = new Recent(0, null);

	}

}
