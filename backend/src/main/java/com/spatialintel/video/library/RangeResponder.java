package com.spatialintel.video.library;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.spatialintel.video.errors.CutOffResponses;
import com.spatialintel.video.errors.NotFoundException;
import com.spatialintel.video.errors.ServiceUnavailableException;
import com.spatialintel.video.storage.ObjectStorage;
import com.spatialintel.video.storage.RangeReads.Copy;
import com.spatialintel.video.storage.RangeReads;
import com.spatialintel.video.storage.StorageReadFailedException;
import com.spatialintel.video.storage.StoredObject;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Answers GET and HEAD for one stored object the way a video element and ffmpeg expect (RFC 9110):
 * {@code Accept-Ranges}, {@code ETag}, {@code Last-Modified}, conditional requests, one byte range
 * per request (206 with {@code Content-Range}), 416 past the end, {@code If-Range}. A request for
 * several ranges gets the whole file. The bytes come from this node's copy of the file when it has
 * one ({@link LocalCopies}), else from S3 as they arrive.
 */
@Component
class RangeResponder {

	private static final Logger log = LoggerFactory.getLogger(RangeResponder.class);

	/** A proxy is rewritten only by reprocessing, whose new ETag is seen this long afterwards at most. */
	static final Duration DESCRIPTION_LIFETIME = Duration.ofSeconds(5);

	private final Cache<String, StoredObject> described;

	private final ObjectStorage storage;

	private final RangeReads reads;

	private final LocalCopies copies;

	private final Clock clock;

	RangeResponder(ObjectStorage storage, RangeReads reads, LocalCopies copies, Clock clock) {
		this.storage = storage;
		this.reads = reads;
		this.copies = copies;
		this.clock = clock;
		this.described = ShortMemory.of(DESCRIPTION_LIFETIME, clock);
	}

	/**
	 * @param expiresAt when the link expires: browsers may cache the answer until then, and no longer
	 */
	void respond(HttpServletRequest request, HttpServletResponse response, String key, MediaType contentType,
			Instant expiresAt) throws IOException {
		if (respond(request, response, key, contentType, expiresAt, describe(key)) == Copy.CHANGED) {
			// reprocessed since it was described: describe it again, once
			described.invalidate(key);
			response.reset();
			if (respond(request, response, key, contentType, expiresAt, describe(key)) == Copy.CHANGED) {
				response.reset();
				throw new ServiceUnavailableException("The video's file is being replaced; try again in a moment.", null);
			}
		}
	}

	private Copy respond(HttpServletRequest request, HttpServletResponse response, String key, MediaType contentType,
			Instant expiresAt, StoredObject object) throws IOException {
		String etag = "\"" + object.etag() + "\"";
		response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
		response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl(clock, expiresAt));
		response.setHeader(HttpHeaders.ETAG, etag);
		response.setDateHeader(HttpHeaders.LAST_MODIFIED, object.lastModified().toEpochMilli());
		switch (Preconditions.evaluate(request.getHeader(HttpHeaders.IF_MATCH), request.getHeader(HttpHeaders.IF_UNMODIFIED_SINCE),
				request.getHeader(HttpHeaders.IF_NONE_MATCH), request.getHeader(HttpHeaders.IF_MODIFIED_SINCE), etag,
				object.lastModified())) {
			case NOT_MODIFIED -> {
				response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
				return Copy.COPIED;
			}
			case FAILED -> throw new PreconditionFailedException();
			case PROCEED -> {
				// send it
			}
		}
		long size = object.sizeBytes();
		long first = 0;
		long last = size - 1;
		Optional<ByteRanges.Bounds> range = ByteRanges.requested(request.getHeader(HttpHeaders.RANGE),
				request.getHeader(HttpHeaders.IF_RANGE), etag, object.lastModified(), size);
		if (range.isPresent()) {
			first = range.get().first();
			last = range.get().last();
			response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
			response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes " + first + "-" + last + "/" + size);
		}
		response.setContentType(contentType.toString());
		response.setContentLengthLong(Math.max(0, last - first + 1));
		if (HttpMethod.HEAD.matches(request.getMethod()) || size == 0) {
			return Copy.COPIED;
		}
		Optional<Path> local = copies.find(object);
		if (local.isPresent()) {
			if (LocalFileAnswers.send(request, response, local.get(), first, last)) {
				return Copy.COPIED;
			}
			// removed behind our back (a cleaner of the temporary folder): S3 answers, and a new copy is made
			copies.lost(key);
		}
		try {
			Copy copy = reads.copyRange(key, first, last, object.etag(), response.getOutputStream());
			if (copy == Copy.COPIED) {
				copies.offer(object);
			}
			else if (copy == Copy.MISSING) {
				described.invalidate(key);
				copies.forget(List.of(key));
				response.reset();
				throw new NotFoundException("The file of this video is no longer stored.");
			}
			return copy;
		}
		catch (StorageReadFailedException broken) {
			described.invalidate(key);
			if (!response.isCommitted()) {
				response.reset();
				throw broken;
			}
			// the status and part of the body are sent: only closing the connection tells the client
			log.warn("Streaming {} cut off: {}", key, broken.getCause().getMessage());
			CutOffResponses.cutOff(request, "S3 stopped sending " + key);
			return Copy.COPIED;
		}
		catch (IOException clientGone) {
			// the viewer seeked or closed the page: the S3 connection was already let go
			log.debug("Streaming {} stopped by the client: {}", key, clientGone.getMessage());
			return Copy.COPIED;
		}
	}

	/** A signed file may be kept by the browser that fetched it, and only until its link expires. */
	static String cacheControl(Clock clock, Instant expiresAt) {
		return "private, max-age=" + Math.max(0, Duration.between(clock.instant(), expiresAt).toSeconds());
	}

	/**
	 * What HEAD says of the object, remembered for a few seconds: a player sends a Range request
	 * per seek, and each would otherwise pay a HEAD round trip to S3 before its first byte.
	 */
	private StoredObject describe(String key) {
		return described.get(key, unknown -> storage.head(unknown).orElseThrow(() -> {
			// deleted, perhaps by another node: this node's copy goes too
			copies.forget(List.of(unknown));
			return new NotFoundException("The file of this video is no longer stored.");
		}));
	}

}
