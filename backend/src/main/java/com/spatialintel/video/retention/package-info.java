/**
 * How long footage is kept: retention per mall (a daily run deletes what is older, through the same
 * deletion as a user's, with a dry run that is the same code) and legal holds on a video or on a pin
 * over a time window, which neither retention nor a user can delete.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Retention and legal holds")
package com.spatialintel.video.retention;
