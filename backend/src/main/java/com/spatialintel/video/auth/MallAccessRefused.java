package com.spatialintel.video.auth;

import java.time.Instant;
import java.util.UUID;

/**
 * Published when a caller asked for something in a mall they are not granted (answered 404, as if
 * it did not exist): {@code resource} and {@code resourceId} say what, e.g. {@code Video} and its id.
 */
public record MallAccessRefused(UUID userId, String email, UUID mallId, String resource, UUID resourceId, Instant at) {
}
