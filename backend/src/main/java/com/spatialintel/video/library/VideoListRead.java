package com.spatialintel.video.library;

import java.time.Instant;
import java.util.UUID;

/** Published when a user read a page of a pin's videos: what they asked for and how many matched. */
public record VideoListRead(UUID mallId, UUID pinId, UUID userId, String status, String from, String to, long offset,
		long total, Instant at) {
}
