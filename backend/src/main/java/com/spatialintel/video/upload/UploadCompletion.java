package com.spatialintel.video.upload;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.spatialintel.video.auth.CurrentUser;
import com.spatialintel.video.errors.ConflictException;
import com.spatialintel.video.errors.InvalidRequestException;
import com.spatialintel.video.errors.NotFoundException;
import com.spatialintel.video.media.UnreadableVideoException;
import com.spatialintel.video.media.VideoProbe;
import com.spatialintel.video.storage.MultipartUploadNotFoundException;
import com.spatialintel.video.storage.MultipartUploads;
import com.spatialintel.video.storage.ObjectStorage;
import com.spatialintel.video.storage.PartsRejectedException;
import com.spatialintel.video.storage.StoredObject;
import com.spatialintel.video.storage.StoredPart;
import com.spatialintel.video.upload.UploadApi.CompleteRequest;
import com.spatialintel.video.upload.UploadApi.Completed;
import com.spatialintel.video.upload.UploadApi.PartReceipt;
import com.spatialintel.video.video.DeletionCause;
import com.spatialintel.video.video.UploadStatus;
import com.spatialintel.video.video.Video;
import com.spatialintel.video.video.VideoDeletionPolicy;
import com.spatialintel.video.video.VideoMetadata;
import com.spatialintel.video.video.Videos;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Completing and aborting uploads: checks every part against its receipt, assembles the file in
 * S3, checks its size, reads its metadata with ffprobe, records the video as uploaded and publishes
 * {@link UploadCompleted} (processing listens). One call at a time does this for an upload, holding
 * its row's claim.
 */
@Service
class UploadCompletion {

	private static final Logger log = LoggerFactory.getLogger(UploadCompletion.class);

	/** ffprobe reads the original through a URL this long-lived; it needs only seconds. */
	private static final Duration PROBE_URL_TTL = Duration.ofMinutes(15);

	/**
	 * How long a complete holds an upload's row: longer than assembling and probing the largest
	 * file takes. Should its node stop, the claim lapses and the next complete takes over.
	 */
	private static final Duration COMPLETION_LEASE = Duration.ofMinutes(10);

	/** How long a complete waits for another one to finish: within a reverse proxy's usual 60 s. */
	private static final Duration COMPLETION_WAIT = Duration.ofSeconds(50);

	/** How often a complete waiting for another one looks at the row. */
	private static final Duration COMPLETION_POLL = Duration.ofMillis(100);

	private final UploadRecords records;

	private final Videos videos;

	private final ObjectStorage storage;

	private final MultipartUploads multipart;

	private final VideoProbe probe;

	private final VideoDeletionPolicy deletionPolicy;

	private final TransactionTemplate transaction;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	UploadCompletion(UploadRecords records, Videos videos, ObjectStorage storage, MultipartUploads multipart,
			VideoProbe probe, VideoDeletionPolicy deletionPolicy, TransactionTemplate transaction,
			ApplicationEventPublisher events, Clock clock) {
		this.records = records;
		this.videos = videos;
		this.storage = storage;
		this.multipart = multipart;
		this.probe = probe;
		this.deletionPolicy = deletionPolicy;
		this.transaction = transaction;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Completes the upload: checks every part, assembles the file in S3, checks its size, reads its
	 * metadata with ffprobe, and records the video as uploaded. Calling it
	 * again answers the same. One call at a time does the work, holding the row's claim; calls made
	 * meanwhile wait for its outcome and answer the same, and an abort meanwhile is refused.
	 */
	Completed complete(CurrentUser user, UUID mallId, UUID pinId, UUID videoId, CompleteRequest request) {
		long deadline = System.nanoTime() + COMPLETION_WAIT.toNanos();
		Video video = records.requireUpload(user, mallId, pinId, videoId);
		while (true) {
			if (video.uploadStatus() == UploadStatus.UPLOADED) {
				return completed(video);
			}
			if (video.uploadStatus() == UploadStatus.FAILED) {
				String why = Objects.requireNonNullElse(video.processingError(), "no reason was recorded");
				throw new ConflictException("This upload failed: " + why + (why.endsWith(".") ? "" : ".")
						+ " Start it again with POST …/uploads/initiate.");
			}
			Optional<Instant> claim = videos.claimCompletion(videoId, COMPLETION_LEASE);
			if (claim.isPresent()) {
				try {
					return assemble(user, video, request);
				}
				finally {
					videos.releaseCompletion(videoId, claim.get());
				}
			}
			if (System.nanoTime() > deadline) {
				throw new ConflictException("Another request is completing this upload at this moment; "
						+ "call complete again in a minute to get its result.");
			}
			pause(COMPLETION_POLL);
			video = records.reread(mallId, pinId, videoId);
		}
	}

	/** The work of complete, done by the call that holds the row's claim. */
	private Completed assemble(CurrentUser user, Video video, CompleteRequest request) {
		UUID videoId = video.id();
		String key = video.files().original();
		try {
			List<StoredPart> parts = checkParts(video, multipart.listParts(key, video.multipart().s3UploadId()), request);
			multipart.complete(key, video.multipart().s3UploadId(), parts);
		}
		catch (MultipartUploadNotFoundException alreadyAssembled) {
			// a call whose claim lapsed (its node stopped) assembled it; the object tells
			if (storage.head(key).isEmpty()) {
				failUpload(video, "The upload's parts were no longer in storage (aborted or expired).");
				throw new ConflictException("Storage no longer holds this upload; start the upload again.");
			}
		}
		catch (PartsRejectedException rejected) {
			throw new InvalidRequestException("Storage refused to assemble the parts (" + rejected.errorCode()
					+ "); every part but the last must be " + video.multipart().partSizeBytes() + " bytes.");
		}
		StoredObject stored = storage.head(key)
			.orElseThrow(() -> new ConflictException("Storage no longer holds this upload; start the upload again."));
		if (stored.sizeBytes() != video.fileSizeBytes()) {
			String reason = "The stored file is %d bytes but the upload declared %d bytes."
				.formatted(stored.sizeBytes(), video.fileSizeBytes());
			failUpload(video, reason);
			throw new UnreadableVideoException(reason);
		}
		VideoMetadata metadata;
		try {
			metadata = probe.probe(storage.presignDownloadForServer(key, PROBE_URL_TTL));
		}
		catch (UnreadableVideoException notAVideo) {
			failUpload(video, notAVideo.getMessage());
			throw notAVideo;
		}
		transaction.executeWithoutResult(status -> {
			if (videos.markUploaded(videoId, metadata, key)) {
				events.publishEvent(new UploadCompleted(videoId, video.mallId(), video.pinId(), user.id(),
						video.filename(), video.fileSizeBytes(), video.checksumSha256(), clock.instant()));
			}
		});
		Video done = videos.find(videoId).orElseThrow(() -> new NotFoundException("Upload", videoId));
		if (done.uploadStatus() != UploadStatus.UPLOADED) {
			throw new ConflictException("This upload was aborted while it was being completed.");
		}
		return completed(done);
	}

	/**
	 * Aborts an upload in progress: the row goes first, then the multipart upload. A complete holding
	 * the row wins; the abort is refused and the video can be deleted once it is complete.
	 */
	void abort(CurrentUser user, UUID mallId, UUID pinId, UUID videoId) {
		Video video = records.requireUpload(user, mallId, pinId, videoId);
		if (video.uploadStatus() != UploadStatus.UPLOADED && videos.deleteUnfinishedUpload(videoId)) {
			if (video.multipart() != null) {
				records.abortQuietly(video.files().original(), video.multipart().s3UploadId());
			}
			return;
		}
		Video now = videos.find(videoId).orElseThrow(() -> new NotFoundException("Upload", videoId));
		if (now.uploadStatus() == UploadStatus.UPLOADED) {
			throw new ConflictException(
					"This upload is complete; delete the video with DELETE /api/videos/" + videoId + " instead.");
		}
		throw new ConflictException("This upload is being completed at this moment, so it cannot be aborted; "
				+ "once it is complete, delete the video with DELETE /api/videos/" + videoId + ".");
	}

	private static void pause(Duration pause) {
		try {
			Thread.sleep(pause.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ConflictException("The request was interrupted while another one completed this upload; try again.");
		}
	}

	/** Each part must be stored, match its receipt, and together hold exactly the declared size. */
	private static List<StoredPart> checkParts(Video video, List<StoredPart> stored, CompleteRequest request) {
		int totalParts = video.multipart().totalParts();
		Map<Integer, StoredPart> byNumber = stored.stream()
			.filter(part -> part.partNumber() <= totalParts)
			.collect(Collectors.toMap(StoredPart::partNumber, Function.identity()));
		if (request != null && request.parts() != null) {
			checkReceipts(request.parts(), totalParts);
			for (PartReceipt receipt : request.parts()) {
				StoredPart part = byNumber.get(receipt.partNumber());
				if (part == null) {
					throw new InvalidRequestException("Part %d has not been uploaded yet; upload it before completing."
						.formatted(receipt.partNumber()));
				}
				if (!normaliseEtag(receipt.etag()).equals(normaliseEtag(part.etag()))) {
					throw new InvalidRequestException(("The ETag given for part %d does not match the part in storage; "
							+ "send the ETag its PUT returned, or upload the part again.").formatted(receipt.partNumber()));
				}
			}
		}
		List<StoredPart> parts = new ArrayList<>(totalParts);
		for (int number = 1; number <= totalParts; number++) {
			StoredPart part = byNumber.get(number);
			if (part == null) {
				throw new InvalidRequestException(
						"Part %d has not been uploaded yet; upload it before completing.".formatted(number));
			}
			parts.add(part);
		}
		long storedBytes = parts.stream().mapToLong(StoredPart::sizeBytes).sum();
		if (storedBytes != video.fileSizeBytes()) {
			throw new InvalidRequestException("The uploaded parts hold %d bytes, but the upload declared %d bytes."
				.formatted(storedBytes, video.fileSizeBytes()));
		}
		return parts;
	}

	/** The receipts alone must name each part 1..total exactly once. */
	private static void checkReceipts(List<PartReceipt> receipts, int totalParts) {
		Set<Integer> listed = new HashSet<>();
		for (PartReceipt receipt : receipts) {
			int number = receipt.partNumber();
			if (number < 1 || number > totalParts) {
				throw new InvalidRequestException(
						"parts contains part_number %d; this upload has parts 1 to %d.".formatted(number, totalParts));
			}
			if (!listed.add(number)) {
				throw new InvalidRequestException("parts lists part %d twice.".formatted(number));
			}
		}
		for (int number = 1; number <= totalParts; number++) {
			if (!listed.contains(number)) {
				throw new InvalidRequestException(
						"Part %d is missing from parts; list all %d parts.".formatted(number, totalParts));
			}
		}
	}

	private void failUpload(Video video, String reason) {
		videos.markUploadFailed(video.id(), reason);
		if (!deletionPolicy.mayDelete(video.id(), DeletionCause.UPLOAD_UNFINISHED)) {
			return;
		}
		try {
			storage.delete(video.files().original());
		}
		catch (RuntimeException ex) {
			log.warn("Object {} of failed upload {} not deleted ({}); the watchdog will", video.files().original(),
					video.id(), ex.getMessage());
		}
	}

	private static Completed completed(Video video) {
		return new Completed(video.id(), video.uploadStatus(), video.processingStatus(), video.processingJobId(),
				video.uploadedAt(), video.recordedAt(), video.recordedAtSource());
	}

	private static String normaliseEtag(String etag) {
		return etag.replace("\"", "").trim().toLowerCase(Locale.ROOT);
	}

}
