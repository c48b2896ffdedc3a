/**
 * The videos: their rows (the only code that touches {@code videos}), their object keys, and the
 * details endpoint.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Videos")
package com.spatialintel.video.video;
