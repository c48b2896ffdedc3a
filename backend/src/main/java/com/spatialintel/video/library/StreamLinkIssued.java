package com.spatialintel.video.library;

import java.time.Instant;
import java.util.UUID;

/** Published when a caller was given the link that plays a video (its proxy), valid until {@code expiresAt}. */
public record StreamLinkIssued(UUID videoId, UUID mallId, UUID pinId, UUID userId, Instant expiresAt, Instant issuedAt) {
}
