/**
 * Evidence exports: a window of footage cut from the originals (stream copy, or frame-exact and
 * re-encoded) by a worker job, packaged in a ZIP with a canonical manifest signed with the server's
 * Ed25519 key, downloaded through a signed link, verified in the product or with sha256sum and
 * openssl alone. An export keeps its sources from deletion until it is deleted.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Evidence exports")
package com.spatialintel.video.evidence;
