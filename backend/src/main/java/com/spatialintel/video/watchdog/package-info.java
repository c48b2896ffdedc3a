/**
 * The watchdog: one run, on a schedule (a JobRunr recurring job, once per schedule across the
 * cluster) or on an admin's request, fails abandoned uploads and stuck jobs and aborts orphaned
 * multipart uploads; and the alerts (Sentry, Slack) and metrics that tell people about it and
 * about jobs that failed for good.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Watchdog")
package com.spatialintel.video.watchdog;
