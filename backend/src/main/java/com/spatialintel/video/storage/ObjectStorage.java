package com.spatialintel.video.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import static com.spatialintel.video.storage.S3Connection.call;
import static com.spatialintel.video.storage.S3Connection.unquote;

/**
 * The bucket and its objects: originals, proxies and posters. Connection failures and S3 server
 * errors become {@link StorageUnavailableException} (503). Multipart uploads are
 * {@link MultipartUploads}' and playback's ranged reads {@link RangeReads}'.
 */
public class ObjectStorage {

	private final S3Connection connection;

	private final String bucket;

	ObjectStorage(S3Connection connection) {
		this.connection = connection;
		this.bucket = connection.bucket;
	}

	String bucket() {
		return bucket;
	}

	/** Creates the bucket when missing (private) and lets the web origins PUT parts and read ETag. */
	void ensureBucket(List<String> corsOrigins) {
		call(() -> {
			try {
				connection.s3.headBucket(request -> request.bucket(bucket));
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
			connection.s3.createBucket(request -> request.bucket(bucket).acl(BucketCannedACL.PRIVATE));
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
			connection.s3.putBucketCors(request -> request.bucket(bucket)
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
			connection.s3.headBucket(request -> request.bucket(bucket));
			return true;
		}
		catch (SdkClientException | S3Exception ex) {
			return false;
		}
	}

	public void upload(String key, Path file, String contentType) {
		call(() -> connection.s3.putObject(request -> request.bucket(bucket).key(key).contentType(contentType),
				RequestBody.fromFile(file)));
	}

	/** Streams an object; the caller closes the stream. Empty when there is no such object. */
	public Optional<ResponseInputStream<GetObjectResponse>> download(String key) {
		return call(() -> {
			try {
				return Optional.of(connection.s3.getObject(request -> request.bucket(bucket).key(key)));
			}
			catch (NoSuchKeyException missing) {
				return Optional.empty();
			}
		});
	}

	/**
	 * Copies an object into a file while hashing it: what a job does before it trusts the file.
	 * @return the file's SHA-256 (lower-case hex); empty when there is no such object
	 * @throws StorageUnavailableException when S3 or the copy failed part way
	 */
	public Optional<String> downloadHashing(String key, Path target) {
		MessageDigest sha256;
		try {
			sha256 = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		Optional<ResponseInputStream<GetObjectResponse>> object = download(key);
		if (object.isEmpty()) {
			return Optional.empty();
		}
		try (InputStream in = object.get(); DigestInputStream hashing = new DigestInputStream(in, sha256)) {
			Files.copy(hashing, target, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (UncheckedIOException | IOException ex) {
			throw new StorageUnavailableException(ex);
		}
		return Optional.of(HexFormat.of().formatHex(sha256.digest()));
	}

	/** Deletes an object; deleting one that does not exist succeeds, so cleanups can repeat. */
	public void delete(String key) {
		call(() -> connection.s3.deleteObject(request -> request.bucket(bucket).key(key)));
	}

	public Optional<StoredObject> head(String key) {
		return call(() -> {
			try {
				HeadObjectResponse head = connection.s3.headObject(request -> request.bucket(bucket).key(key));
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

	/** A GET URL for this server's own tools (ffprobe reads the file through it without downloading it). */
	public URL presignDownloadForServer(String key, Duration ttl) {
		return connection.internalPresigner
			.presignGetObject(request -> request.signatureDuration(ttl).getObjectRequest(get -> get.bucket(bucket).key(key)))
			.url();
	}

	/** Walks every object of the bucket, a page (up to 1,000 objects) at a time, in key order. */
	public void forEachObjectPage(Consumer<List<StoredObject>> page) {
		call(() -> {
			connection.s3.listObjectsV2Paginator(request -> request.bucket(bucket))
				.forEach(response -> page.accept(response.contents()
					.stream()
					.map(object -> new StoredObject(object.key(), object.size(), unquote(object.eTag()),
							object.lastModified()))
					.toList()));
			return null;
		});
	}

}
