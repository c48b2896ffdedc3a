/**
 * How the process runs: the embedded or the external mode and the settings it derives, secrets,
 * the web, worker or all role, the clock, scheduling, metrics, and the health of Redis.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Runtime")
package com.spatialintel.video.runtime;
