/**
 * Turning originals into proxies: the processing jobs (the only code that touches
 * {@code processing_jobs}) and the FFmpeg tools.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Processing")
package com.spatialintel.video.processing;
