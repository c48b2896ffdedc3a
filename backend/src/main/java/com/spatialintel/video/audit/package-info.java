/**
 * The audit log: who saw what and when, and what changed or was refused. One row per event,
 * append-only, chained by SHA-256 so that a changed or removed row shows; read, exported as CSV and
 * verified by admins.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package com.spatialintel.video.audit;
