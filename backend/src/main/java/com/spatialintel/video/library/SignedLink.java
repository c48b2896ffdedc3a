package com.spatialintel.video.library;

import java.time.Instant;

/** {@code GET /api/videos/{id}/stream-url}: a link that needs no bearer token, until it expires. */
record SignedLink(String url, Instant expiresAt) {
}
