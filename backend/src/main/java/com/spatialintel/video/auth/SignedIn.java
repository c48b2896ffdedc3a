package com.spatialintel.video.auth;

import java.time.Instant;
import java.util.UUID;

/** Published when a user signed in and was given a token; {@code clientAddress} as the request came. */
public record SignedIn(UUID userId, String email, Role role, String clientAddress, Instant at) {
}
