/**
 * The video library as analysts use it: a pin's videos page by page, signed links that play the
 * proxy (and show the poster and the scrub previews) with HTTP Range, and deleting a video with
 * everything it stored.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Library")
package com.spatialintel.video.library;
