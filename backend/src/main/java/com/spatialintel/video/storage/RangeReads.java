package com.spatialintel.video.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Ranged reads of the objects being played, straight to the viewer: the hot path of playback (one
 * call per seek).
 */
public class RangeReads {

	/** How long one signature serves the ranged reads of an object (it is valid for twice as long). */
	static final Duration READ_SIGNATURE_REUSE = Duration.ofMinutes(15);

	private static final int COPY_BUFFER_BYTES = 64 * 1024;

	/** Presigned GETs of the objects being played, by key: signing is the costly part of a request. */
	private final Cache<String, SdkHttpRequest> readRequests = Caffeine.newBuilder()
		.expireAfterWrite(READ_SIGNATURE_REUSE)
		.maximumSize(10_000)
		.build();

	private final S3Connection connection;

	RangeReads(S3Connection connection) {
		this.connection = connection;
	}

	/**
	 * Copies the bytes {@code first..last} (inclusive) of an object to {@code out} through one small
	 * buffer, never holding the object in memory or on disk. When writing fails (the client went
	 * away) the S3 connection is aborted at once instead of being drained to its end.
	 * <p>
	 * It skips the SDK's request pipeline (auth-scheme and endpoint resolution, interceptors, SigV4
	 * per request): it sends a presigned GET of the object, signed once per
	 * {@link #READ_SIGNATURE_REUSE}, with {@code Range} and {@code If-Match}, through the same HTTP
	 * client and connection pool as every other S3 call.
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
		return connection.http.prepareRequest(HttpExecuteRequest.builder().request(request.build()).build());
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
		return readRequests.get(key, unsigned -> connection.internalPresigner
			.presignGetObject(presign -> presign.signatureDuration(READ_SIGNATURE_REUSE.multipliedBy(2))
				.getObjectRequest(get -> get.bucket(connection.bucket).key(unsigned)))
			.httpRequest());
	}

	/** How {@link #copyRange} ended. */
	public enum Copy {

		COPIED, MISSING, CHANGED

	}

}
