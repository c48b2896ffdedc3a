/**
 * Review by time: a pin's (or a whole mall's) recorded spans and the gaps between them in a window
 * of at most 31 days, the mall's local day included, in the mall's time zone.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Timeline")
package com.spatialintel.video.timeline;
