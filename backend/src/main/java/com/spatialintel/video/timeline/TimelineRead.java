package com.spatialintel.video.timeline;

import java.time.Instant;
import java.util.UUID;

/** Published when a user read a timeline: a pin's ({@code pinId}) or a whole mall's (null), over a window. */
public record TimelineRead(UUID mallId, UUID pinId, UUID userId, Instant from, Instant to, int clips, Instant at) {
}
