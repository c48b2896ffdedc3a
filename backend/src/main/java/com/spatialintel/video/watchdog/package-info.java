/**
 * The watchdog: one run, on a schedule (a JobRunr recurring job, once per schedule across the
 * cluster) or on an admin's request, does five tasks: it fails abandoned uploads, aborts orphaned
 * multipart uploads, deletes objects no video row points at, fails stuck jobs, and queues again the
 * jobs that never reached the queue; besides, every node checks that the queue moves. And the
 * alerts (Sentry, Slack) and metrics that tell people about it and about jobs that failed for good.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Watchdog")
package com.spatialintel.video.watchdog;
