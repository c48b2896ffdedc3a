package com.spatialintel.video.storage;

import java.net.URI;

/**
 * Where S3 is: {@code internal} is what this process connects to (and what server-side tools like
 * ffprobe are given); {@code external} is written into presigned URLs for browsers.
 */
record S3Endpoints(URI internal, URI external) {
}
