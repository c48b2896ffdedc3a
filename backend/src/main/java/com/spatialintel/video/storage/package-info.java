/**
 * S3-compatible object storage: originals and proxies, multipart uploads the browser sends
 * straight to S3 through presigned URLs, and the embedded S3Proxy of the embedded mode.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Storage")
package com.spatialintel.video.storage;
