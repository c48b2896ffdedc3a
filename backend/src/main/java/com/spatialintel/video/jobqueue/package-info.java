/**
 * JobRunr's queue on our database, as the other modules use it: its storage (tables migrated by
 * one node at a time), this node's job server (started again after a database outage), and the
 * wake-up that starts an enqueued job at once instead of at the next poll (a PostgreSQL
 * {@code NOTIFY} from a trigger on JobRunr's job table, heard by every worker; in the embedded mode
 * the local server is woken directly).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Job queue")
package com.spatialintel.video.jobqueue;
