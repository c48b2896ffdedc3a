/**
 * Resumable uploads straight from the browser to S3: initiate, sign parts, list stored parts,
 * complete (with ffprobe) and abort. The API is never in the data path.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Uploads")
package com.spatialintel.video.upload;
