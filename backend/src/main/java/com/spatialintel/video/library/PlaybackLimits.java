package com.spatialintel.video.library;

import java.time.Duration;

import org.springframework.stereotype.Component;

/** What a player must know of the streaming settings. */
@Component
public class PlaybackLimits {

	private final StreamingSettings settings;

	PlaybackLimits(StreamingSettings settings) {
		this.settings = settings;
	}

	/** How long a signed proxy or poster link lasts ({@code STREAM_URL_TTL_SECONDS}). */
	public Duration linkLifetime() {
		return settings.urlTtl();
	}

}
