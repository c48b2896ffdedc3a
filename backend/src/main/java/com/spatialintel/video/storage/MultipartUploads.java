package com.spatialintel.video.storage;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsResponse;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import static com.spatialintel.video.storage.S3Connection.call;
import static com.spatialintel.video.storage.S3Connection.unquote;

/**
 * Multipart uploads that browsers send straight to S3 through presigned part URLs. "No such upload"
 * becomes {@link MultipartUploadNotFoundException}; S3 refusing the parts,
 * {@link PartsRejectedException}.
 */
public class MultipartUploads {

	/** Outside every video's keys, so that no clean-up takes it for a lost part of a video. */
	static final String REACH_CHECK_KEY = "upload-checks/reach";

	private final S3Connection connection;

	MultipartUploads(S3Connection connection) {
		this.connection = connection;
	}

	public String start(String key, String contentType) {
		return call(() -> connection.s3
			.createMultipartUpload(request -> request.bucket(connection.bucket).key(key).contentType(contentType))
			.uploadId());
	}

	/** A PUT URL for one part, for a browser. Signing needs no call to S3. */
	public URL presignPartForBrowser(String key, String uploadId, int partNumber, Duration ttl) {
		return connection.externalPresigner.presignUploadPart(request -> request.signatureDuration(ttl)
			.uploadPartRequest(part -> part.bucket(connection.bucket).key(key).uploadId(uploadId).partNumber(partNumber)))
			.url();
	}

	/**
	 * A PUT URL of one small object that is only ever overwritten, for a browser to find out before
	 * it sends a file whether it can upload here at all: the storage must allow its origin (CORS) and
	 * let it read {@code ETag}. Signing needs no call to S3.
	 */
	public URL presignReachCheckForBrowser(Duration ttl) {
		return connection.externalPresigner.presignPutObject(request -> request.signatureDuration(ttl)
			.putObjectRequest(put -> put.bucket(connection.bucket).key(REACH_CHECK_KEY)))
			.url();
	}

	/** The parts stored so far, in part-number order. */
	public List<StoredPart> listParts(String key, String uploadId) {
		return call(() -> {
			try {
				List<StoredPart> parts = new ArrayList<>();
				Integer marker = null;
				ListPartsResponse page;
				do {
					Integer after = marker;
					page = connection.s3.listParts(
							request -> request.bucket(connection.bucket).key(key).uploadId(uploadId).partNumberMarker(after));
					page.parts().forEach(part -> parts.add(new StoredPart(part.partNumber(), unquote(part.eTag()), part.size())));
					marker = page.nextPartNumberMarker();
				}
				while (Boolean.TRUE.equals(page.isTruncated()));
				parts.sort(Comparator.comparingInt(StoredPart::partNumber));
				return parts;
			}
			catch (NoSuchUploadException ex) {
				throw new MultipartUploadNotFoundException(key, ex);
			}
		});
	}

	public void complete(String key, String uploadId, List<StoredPart> parts) {
		List<CompletedPart> completed = parts.stream()
			.sorted(Comparator.comparingInt(StoredPart::partNumber))
			.map(part -> CompletedPart.builder().partNumber(part.partNumber()).eTag("\"" + part.etag() + "\"").build())
			.toList();
		call(() -> {
			try {
				return connection.s3.completeMultipartUpload(request -> request.bucket(connection.bucket)
					.key(key)
					.uploadId(uploadId)
					.multipartUpload(upload -> upload.parts(completed)));
			}
			catch (NoSuchUploadException ex) {
				throw new MultipartUploadNotFoundException(key, ex);
			}
			catch (S3Exception ex) {
				if (ex.statusCode() >= 400 && ex.statusCode() < 500) {
					throw new PartsRejectedException(ex.awsErrorDetails().errorCode(), ex);
				}
				throw ex;
			}
		});
	}

	/** Aborts a multipart upload; one S3 no longer knows counts as aborted, so cleanups can repeat. */
	public void abort(String key, String uploadId) {
		call(() -> {
			try {
				return connection.s3
					.abortMultipartUpload(request -> request.bucket(connection.bucket).key(key).uploadId(uploadId));
			}
			catch (NoSuchUploadException alreadyGone) {
				return null;
			}
		});
	}

	/** Every multipart upload in the bucket that was neither completed nor aborted. */
	public List<PendingMultipartUpload> listPending() {
		return call(() -> {
			List<PendingMultipartUpload> uploads = new ArrayList<>();
			String keyMarker = null;
			String uploadIdMarker = null;
			ListMultipartUploadsResponse page;
			do {
				String keyAfter = keyMarker;
				String uploadAfter = uploadIdMarker;
				page = connection.s3.listMultipartUploads(
						request -> request.bucket(connection.bucket).keyMarker(keyAfter).uploadIdMarker(uploadAfter));
				page.uploads()
					.forEach(upload -> uploads.add(new PendingMultipartUpload(upload.key(), upload.uploadId(), upload.initiated())));
				keyMarker = page.nextKeyMarker();
				uploadIdMarker = page.nextUploadIdMarker();
			}
			while (Boolean.TRUE.equals(page.isTruncated()));
			return uploads;
		});
	}

}
