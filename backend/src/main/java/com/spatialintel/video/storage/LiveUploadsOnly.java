package com.spatialintel.video.storage;

import java.io.InputStream;

import org.gaul.s3proxy.S3ErrorCode;
import org.gaul.s3proxy.S3ProxyException;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * The embedded S3 server's store, refusing parts of a multipart upload that no longer exists, as
 * AWS S3 and MinIO do. S3Proxy alone writes a part sent to an aborted upload's presigned URL, and
 * keeps it where neither a listing nor the orphan sweep sees it. A part whose upload is aborted
 * while it is written is removed again once written.
 */
final class LiveUploadsOnly extends ForwardingBlobStore {

	private static final Logger log = LoggerFactory.getLogger(LiveUploadsOnly.class);

	LiveUploadsOnly(BlobStore store) {
		super(store);
	}

	@Override
	public UploadPartResponse uploadMultipartPart(MultipartUpload upload, UploadPartRequest request, InputStream body) {
		requireLive(upload);
		UploadPartResponse stored = super.uploadMultipartPart(upload, request, body);
		if (!isLive(upload)) {
			log.info("Part {} of aborted multipart upload {} of {} removed", request.partNumber(), upload.id(),
					upload.blobName());
			super.abortMultipartUpload(upload);
			throw noSuchUpload(upload);
		}
		return stored;
	}

	private void requireLive(MultipartUpload upload) {
		if (!isLive(upload)) {
			throw noSuchUpload(upload);
		}
	}

	private boolean isLive(MultipartUpload upload) {
		return listMultipartUploads(upload.containerName()).stream()
			.anyMatch(live -> upload.id().equals(live.uploadId()) && upload.blobName().equals(live.key()));
	}

	private static S3ProxyException noSuchUpload(MultipartUpload upload) {
		return new S3ProxyException(S3ErrorCode.NO_SUCH_UPLOAD,
				"The multipart upload " + upload.id() + " does not exist; it was completed or aborted.");
	}

}
