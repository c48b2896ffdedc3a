package com.spatialintel.video.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsResponse;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import org.springframework.beans.factory.DisposableBean;

/**
 * The one way the application talks to S3 (AWS SDK v2, path-style). Connection failures and S3
 * server errors become {@link StorageUnavailableException} (503); "no such upload" becomes
 * {@link MultipartUploadNotFoundException}.
 */
public class ObjectStorage implements DisposableBean {

	/** How long one signature serves the ranged reads of an object (it is valid for twice as long). */
	static final Duration READ_SIGNATURE_REUSE = Duration.ofMinutes(15);

	private static final int COPY_BUFFER_BYTES = 64 * 1024;

	/** Presigned GETs of the objects being played, by key: signing is the costly part of a request. */
	private final Cache<String, SdkHttpRequest> readRequests = Caffeine.newBuilder()
		.expireAfterWrite(READ_SIGNATURE_REUSE)
		.maximumSize(10_000)
		.build();

	/** The S3 client's HTTP client and pool; {@link #copyRange} sends presigned reads through it directly. */
	private final SdkHttpClient http;

	private final String bucket;

	private final S3Client s3;

	/** Signs URLs that this server's own tools (ffprobe, ffmpeg) open. */
	private final S3Presigner internalPresigner;

	/** Signs URLs that browsers open, with the public host name. */
	private final S3Presigner externalPresigner;

	ObjectStorage(StorageSettings settings, S3Endpoints endpoints) {
		this.bucket = settings.bucket();
		StaticCredentialsProvider credentials = StaticCredentialsProvider
			.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
		Region region = Region.of(settings.region());
		S3Configuration pathStyle = S3Configuration.builder().pathStyleAccessEnabled(true).build();
		this.http = Apache5HttpClient.builder().maxConnections(settings.maxConnections()).build();
		this.s3 = S3Client.builder()
			.endpointOverride(endpoints.internal())
			.region(region)
			.credentialsProvider(credentials)
			.serviceConfiguration(pathStyle)
			.httpClient(http)
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
			.build();
		this.internalPresigner = presigner(endpoints.internal().toString(), region, credentials, pathStyle);
		this.externalPresigner = presigner(endpoints.external().toString(), region, credentials, pathStyle);
	}

	private static S3Presigner presigner(String endpoint, Region region, StaticCredentialsProvider credentials,
			S3Configuration pathStyle) {
		return S3Presigner.builder()
			.endpointOverride(java.net.URI.create(endpoint))
			.region(region)
			.credentialsProvider(credentials)
			.serviceConfiguration(pathStyle)
			.build();
	}

	public String bucket() {
		return bucket;
	}

	/** Creates the bucket when missing (private) and lets the web origins PUT parts and read ETag. */
	void ensureBucket(List<String> corsOrigins) {
		call(() -> {
			try {
				s3.headBucket(request -> request.bucket(bucket));
			}
			catch (NoSuchBucketException missing) {
				createBucket();
			}
			catch (S3Exception ex) {
				if (ex.statusCode() != 404) {
					throw ex;
				}
				createBucket();
			}
			return null;
		});
		if (!corsOrigins.isEmpty()) {
			allowBrowserUploads(corsOrigins);
		}
	}

	private void createBucket() {
		try {
			s3.createBucket(request -> request.bucket(bucket).acl(BucketCannedACL.PRIVATE));
		}
		catch (S3Exception ex) {
			if (!"BucketAlreadyOwnedByYou".equals(ex.awsErrorDetails().errorCode())) {
				throw ex;
			}
		}
	}

	/** S3Proxy and MinIO configure CORS on the server, not per bucket; they answer 501, which is fine. */
	private void allowBrowserUploads(List<String> origins) {
		try {
			s3.putBucketCors(request -> request.bucket(bucket)
				.corsConfiguration(cors -> cors.corsRules(CORSRule.builder()
					.allowedOrigins(origins)
					.allowedMethods("GET", "HEAD", "PUT", "POST")
					.allowedHeaders("*")
					.exposeHeaders("ETag")
					.maxAgeSeconds(3600)
					.build())));
		}
		catch (S3Exception ex) {
			if (ex.statusCode() != 501 && ex.statusCode() != 400 && ex.statusCode() != 405) {
				throw new StorageUnavailableException(ex);
			}
		}
	}

	/** True when the bucket answers; used by the health indicator. */
	boolean bucketReachable() {
		try {
			s3.headBucket(request -> request.bucket(bucket));
			return true;
		}
		catch (SdkClientException | S3Exception ex) {
			return false;
		}
	}

	public void upload(String key, Path file, String contentType) {
		call(() -> s3.putObject(request -> request.bucket(bucket).key(key).contentType(contentType),
				RequestBody.fromFile(file)));
	}

	/** Streams an object; the caller closes the stream. Empty when there is no such object. */
	public Optional<ResponseInputStream<GetObjectResponse>> download(String key) {
		return call(() -> {
			try {
				return Optional.of(s3.getObject(request -> request.bucket(bucket).key(key)));
			}
			catch (NoSuchKeyException missing) {
				return Optional.empty();
			}
		});
	}

	/** Streams the bytes {@code first..last} (inclusive) of an object; the caller closes the stream. */
	public InputStream downloadRange(String key, long first, long last) {
		return call(() -> s3.getObject(request -> request.bucket(bucket).key(key).range("bytes=" + first + "-" + last)));
	}

	/**
	 * Copies the bytes {@code first..last} (inclusive) of an object to {@code out} through one small
	 * buffer, never holding the object in memory or on disk. When writing fails (the client went
	 * away) the S3 connection is aborted at once instead of being drained to its end.
	 * <p>
	 * This is the hot path of playback (one call per seek), so it skips the SDK's request pipeline
	 * (auth-scheme and endpoint resolution, interceptors, SigV4 per request): it sends a presigned GET
	 * of the object, signed once per {@link #READ_SIGNATURE_REUSE}, with {@code Range} and
	 * {@code If-Match}, through the same HTTP client and connection pool as every other S3 call.
	 * @param etag the version the caller described to its client (without quotes); null for any
	 * @return {@link Copy#COPIED}, or {@link Copy#MISSING} / {@link Copy#CHANGED} before any byte was written
	 * @throws IOException when writing to {@code out} fails (the client went away)
	 * @throws StorageReadFailedException when S3 fails or ends early midway, after some bytes may have been written
	 */
	public Copy copyRange(String key, long first, long last, String etag, OutputStream out) throws IOException {
		ExecutableHttpRequest get = rangedGet(key, first, last, etag);
		HttpExecuteResponse response = execute(get);
		int status = response.httpResponse().statusCode();
		if (status == 403) {
			// signed before the server's keys or clock changed: sign again, once
			readRequests.invalidate(key);
			discard(response);
			get = rangedGet(key, first, last, etag);
			response = execute(get);
			status = response.httpResponse().statusCode();
		}
		// a server that ignores Range answers 200 with the whole object: usable only from its first byte
		boolean ranged = status == 206 || (status == 200 && first == 0);
		if (!ranged) {
			discard(response);
			switch (status) {
				case 404:
					return Copy.MISSING;
				case 412:
					return Copy.CHANGED;
				default:
					readRequests.invalidate(key);
					throw new StorageUnavailableException(new IOException("S3 answered " + status + " to a read of " + key));
			}
		}
		AbortableInputStream in = response.responseBody().orElseThrow();
		byte[] buffer = new byte[COPY_BUFFER_BYTES];
		long remaining = last - first + 1;
		try {
			while (remaining > 0) {
				int read = readFromStorage(in, buffer, (int) Math.min(buffer.length, remaining), key, remaining);
				out.write(buffer, 0, read);
				remaining -= read;
			}
		}
		catch (IOException | RuntimeException ex) {
			in.abort();
			throw ex;
		}
		if (status == 206) {
			in.close();
		}
		else {
			// the rest of a whole object that was not asked for: drop the connection instead of reading it
			in.abort();
		}
		return Copy.COPIED;
	}

	/** One read of S3's body; a failure or an early end is S3's, never the client's. */
	private static int readFromStorage(InputStream in, byte[] buffer, int length, String key, long remaining) {
		int read;
		try {
			read = in.read(buffer, 0, length);
		}
		catch (IOException ex) {
			throw new StorageReadFailedException(key, remaining, ex);
		}
		if (read == -1) {
			throw new StorageReadFailedException(key, remaining, null);
		}
		return read;
	}

	private ExecutableHttpRequest rangedGet(String key, long first, long last, String etag) {
		SdkHttpRequest.Builder request = readRequest(key).toBuilder().putHeader("Range", "bytes=" + first + "-" + last);
		if (etag != null) {
			request.putHeader("If-Match", "\"" + etag + "\"");
		}
		return http.prepareRequest(HttpExecuteRequest.builder().request(request.build()).build());
	}

	private static HttpExecuteResponse execute(ExecutableHttpRequest request) {
		try {
			return request.call();
		}
		catch (IOException ex) {
			throw new StorageUnavailableException(ex);
		}
	}

	private static void discard(HttpExecuteResponse response) {
		response.responseBody().ifPresent(body -> {
			try {
				body.close();
			}
			catch (IOException ignored) {
				body.abort();
			}
		});
	}

	/** A presigned GET of the object for this server, signed again once half its lifetime is spent. */
	private SdkHttpRequest readRequest(String key) {
		return readRequests.get(key, unsigned -> internalPresigner
			.presignGetObject(presign -> presign.signatureDuration(READ_SIGNATURE_REUSE.multipliedBy(2))
				.getObjectRequest(get -> get.bucket(bucket).key(unsigned)))
			.httpRequest());
	}

	/** How {@link #copyRange} ended. */
	public enum Copy {

		COPIED, MISSING, CHANGED

	}

	/** Deletes an object; deleting one that does not exist succeeds, so cleanups can repeat. */
	public void delete(String key) {
		call(() -> s3.deleteObject(request -> request.bucket(bucket).key(key)));
	}

	public Optional<StoredObject> head(String key) {
		return call(() -> {
			try {
				HeadObjectResponse head = s3.headObject(request -> request.bucket(bucket).key(key));
				return Optional.of(new StoredObject(key, head.contentLength(), unquote(head.eTag()), head.lastModified()));
			}
			catch (NoSuchKeyException missing) {
				return Optional.empty();
			}
			catch (S3Exception ex) {
				if (ex.statusCode() == 404) {
					return Optional.empty();
				}
				throw ex;
			}
		});
	}

	/** A GET URL for a browser, signed with the public host name. */
	public URL presignDownloadForBrowser(String key, Duration ttl) {
		return externalPresigner
			.presignGetObject(request -> request.signatureDuration(ttl).getObjectRequest(get -> get.bucket(bucket).key(key)))
			.url();
	}

	/** A GET URL for this server's own tools (ffprobe reads the file through it without downloading it). */
	public URL presignDownloadForServer(String key, Duration ttl) {
		return internalPresigner
			.presignGetObject(request -> request.signatureDuration(ttl).getObjectRequest(get -> get.bucket(bucket).key(key)))
			.url();
	}

	/** A PUT URL for a browser, signed with the public host name. */
	public URL presignUploadForBrowser(String key, Duration ttl) {
		return externalPresigner
			.presignPutObject(request -> request.signatureDuration(ttl).putObjectRequest(put -> put.bucket(bucket).key(key)))
			.url();
	}

	public String startMultipartUpload(String key, String contentType) {
		return call(() -> s3.createMultipartUpload(request -> request.bucket(bucket).key(key).contentType(contentType))
			.uploadId());
	}

	/** A PUT URL for one part, for a browser. Signing needs no call to S3. */
	public URL presignPartForBrowser(String key, String uploadId, int partNumber, Duration ttl) {
		return externalPresigner.presignUploadPart(request -> request.signatureDuration(ttl)
			.uploadPartRequest(part -> part.bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber))).url();
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
					page = s3.listParts(request -> request.bucket(bucket).key(key).uploadId(uploadId).partNumberMarker(after));
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

	public void completeMultipartUpload(String key, String uploadId, List<StoredPart> parts) {
		List<CompletedPart> completed = parts.stream()
			.sorted(Comparator.comparingInt(StoredPart::partNumber))
			.map(part -> CompletedPart.builder().partNumber(part.partNumber()).eTag("\"" + part.etag() + "\"").build())
			.toList();
		call(() -> {
			try {
				return s3.completeMultipartUpload(request -> request.bucket(bucket)
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
	public void abortMultipartUpload(String key, String uploadId) {
		call(() -> {
			try {
				return s3.abortMultipartUpload(request -> request.bucket(bucket).key(key).uploadId(uploadId));
			}
			catch (NoSuchUploadException alreadyGone) {
				return null;
			}
		});
	}

	/** Walks every object of the bucket, a page (up to 1,000 objects) at a time, in key order. */
	public void forEachObjectPage(Consumer<List<StoredObject>> page) {
		call(() -> {
			s3.listObjectsV2Paginator(request -> request.bucket(bucket))
				.forEach(response -> page.accept(response.contents()
					.stream()
					.map(object -> new StoredObject(object.key(), object.size(), unquote(object.eTag()),
							object.lastModified()))
					.toList()));
			return null;
		});
	}

	/** Every multipart upload in the bucket that was neither completed nor aborted. */
	public List<PendingMultipartUpload> listPendingMultipartUploads() {
		return call(() -> {
			List<PendingMultipartUpload> uploads = new ArrayList<>();
			String keyMarker = null;
			String uploadIdMarker = null;
			ListMultipartUploadsResponse page;
			do {
				String keyAfter = keyMarker;
				String uploadAfter = uploadIdMarker;
				page = s3.listMultipartUploads(
						request -> request.bucket(bucket).keyMarker(keyAfter).uploadIdMarker(uploadAfter));
				page.uploads()
					.forEach(upload -> uploads.add(new PendingMultipartUpload(upload.key(), upload.uploadId(), upload.initiated())));
				keyMarker = page.nextKeyMarker();
				uploadIdMarker = page.nextUploadIdMarker();
			}
			while (Boolean.TRUE.equals(page.isTruncated()));
			return uploads;
		});
	}

	@Override
	public void destroy() {
		internalPresigner.close();
		externalPresigner.close();
		s3.close();
		http.close();
	}

	private static String unquote(String etag) {
		return etag == null ? null : etag.replace("\"", "");
	}

	/** Runs an S3 call; unreachable S3 and S3 server errors become a 503 with a sentence. */
	private static <T> T call(Supplier<T> operation) {
		try {
			return operation.get();
		}
		catch (SdkClientException ex) {
			throw new StorageUnavailableException(ex);
		}
		catch (S3Exception ex) {
			if (ex.statusCode() >= 500) {
				throw new StorageUnavailableException(ex);
			}
			throw ex;
		}
	}

}
