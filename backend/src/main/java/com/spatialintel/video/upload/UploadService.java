package com.spatialintel.video.upload;

import java.net.URL;
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
import java.util.stream.IntStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.spatialintel.video.auth.CurrentUser;
import com.spatialintel.video.mall.Malls;
import com.spatialintel.video.mall.PinRef;
import com.spatialintel.video.processing.JobType;
import com.spatialintel.video.processing.ProcessingJobs;
import com.spatialintel.video.processing.UnreadableVideoException;
import com.spatialintel.video.processing.VideoProbe;
import com.spatialintel.video.storage.MultipartUploadNotFoundException;
import com.spatialintel.video.storage.ObjectStorage;
import com.spatialintel.video.storage.PartsRejectedException;
import com.spatialintel.video.storage.StoredObject;
import com.spatialintel.video.storage.StoredPart;
import com.spatialintel.video.system.ConflictException;
import com.spatialintel.video.system.InvalidRequestException;
import com.spatialintel.video.system.NotFoundException;
import com.spatialintel.video.upload.UploadApi.AlreadyUploaded;
import com.spatialintel.video.upload.UploadApi.Completed;
import com.spatialintel.video.upload.UploadApi.CompleteRequest;
import com.spatialintel.video.upload.UploadApi.InitiateRequest;
import com.spatialintel.video.upload.UploadApi.PartReceipt;
import com.spatialintel.video.upload.UploadApi.PresignedPart;
import com.spatialintel.video.upload.UploadApi.SignedParts;
import com.spatialintel.video.upload.UploadApi.StoredPartView;
import com.spatialintel.video.upload.UploadApi.StoredParts;
import com.spatialintel.video.upload.UploadApi.UploadStarted;
import com.spatialintel.video.video.DuplicateVideoException;
import com.spatialintel.video.video.NewUpload;
import com.spatialintel.video.video.UploadStatus;
import com.spatialintel.video.video.Video;
import com.spatialintel.video.video.Video.MultipartState;
import com.spatialintel.video.video.VideoMetadata;
import com.spatialintel.video.video.Videos;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The upload flow. Bytes go from the browser straight to S3 through presigned part URLs; this
 * service only starts, signs, checks and completes. S3 is written before a row points at it, and
 * a row stops pointing at an object before the object is removed.
 */
@Service
class UploadService {

	private static final Logger log = LoggerFactory.getLogger(UploadService.class);

	private static final String CONTENT_TYPE = "video/mp4";

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

	private final Malls malls;

	private final Videos videos;

	private final ObjectStorage storage;

	private final VideoProbe probe;

	private final ProcessingJobs jobs;

	private final UploadSettings settings;

	private final TransactionTemplate transaction;

	private final Clock clock;

	UploadService(Malls malls, Videos videos, ObjectStorage storage, VideoProbe probe,
			ProcessingJobs jobs, UploadSettings settings, TransactionTemplate transaction, Clock clock) {
		this.malls = malls;
		this.videos = videos;
		this.storage = storage;
		this.probe = probe;
		this.jobs = jobs;
		this.settings = settings;
		this.transaction = transaction;
		this.clock = clock;
	}

	/** What initiating answers: a new or resumed upload, or the video the pin already has. */
	sealed interface Initiated permits NewOrResumed, Duplicate {
	}

	record NewOrResumed(UploadStarted body) implements Initiated {
	}

	record Duplicate(AlreadyUploaded body) implements Initiated {
	}

	Initiated initiate(CurrentUser user, UUID mallId, UUID pinId, InitiateRequest request) {
		PinRef pin = malls.requireVisiblePin(user, mallId, pinId);
		if (request.fileSizeBytes() > settings.maxUploadBytes()) {
			throw new InvalidRequestException(
					"file_size_bytes is %d bytes, over the limit of %d bytes (%s); split the recording or raise MAX_UPLOAD_BYTES."
						.formatted(request.fileSizeBytes(), settings.maxUploadBytes(), humanBytes(settings.maxUploadBytes())));
		}
		String checksum = request.checksumSha256().toLowerCase(Locale.ROOT);
		for (int attempt = 0; attempt < 5; attempt++) {
			Optional<Video> existing = videos.findByChecksumAndPin(checksum, pin.pinId());
			if (existing.isPresent()) {
				Optional<Initiated> answer = answerExisting(user, existing.get(), request);
				if (answer.isPresent()) {
					return answer.get();
				}
				continue;
			}
			try {
				return new NewOrResumed(startNew(user, pin, request, checksum));
			}
			catch (DuplicateVideoException anotherRequestWon) {
				// the same file is being started at this very moment: answer with that upload
			}
		}
		throw new ConflictException("This file is being started by other requests at this moment; try again.");
	}

	private Optional<Initiated> answerExisting(CurrentUser user, Video video, InitiateRequest request) {
		if (video.deletionRequested()) {
			throw new ConflictException(
					"This pin's copy of this file is being deleted at this moment; upload it again in a minute.");
		}
		if (video.fileSizeBytes() != request.fileSizeBytes()) {
			throw new ConflictException(
					"This pin already has a file with this SHA-256 declared as %d bytes, not %d; check the checksum."
						.formatted(video.fileSizeBytes(), request.fileSizeBytes()));
		}
		return switch (video.uploadStatus()) {
			case UPLOADED -> Optional.of(new Duplicate(
					new AlreadyUploaded(video.id(), true, video.uploadStatus(), video.processingStatus())));
			case UPLOADING -> Optional.of(new NewOrResumed(resume(user, video, request)));
			case FAILED -> restartFailed(user, video, request).map(NewOrResumed::new);
		};
	}

	private UploadStarted startNew(CurrentUser user, PinRef pin, InitiateRequest request, String checksum) {
		UUID videoId = UUID.randomUUID();
		String key = Video.originalKey(pin.mallId(), pin.pinId(), videoId);
		NewUpload upload = newUpload(user, videoId, pin.mallId(), pin.pinId(), request, checksum,
				storage.startMultipartUpload(key, CONTENT_TYPE));
		try {
			videos.startUpload(upload);
		}
		catch (RuntimeException ex) {
			abortQuietly(key, upload.multipart().s3UploadId());
			throw ex;
		}
		return started(upload, key, List.of(), false);
	}

	/** A failed upload of the same file starts over on its row with a new multipart upload. */
	private Optional<UploadStarted> restartFailed(CurrentUser user, Video failed, InitiateRequest request) {
		String key = failed.originalKey();
		NewUpload upload = newUpload(user, failed.id(), failed.mallId(), failed.pinId(), request,
				failed.checksumSha256(), storage.startMultipartUpload(key, CONTENT_TYPE));
		if (!videos.restartFailedUpload(upload)) {
			abortQuietly(key, upload.multipart().s3UploadId());
			return Optional.empty();
		}
		if (failed.multipart() != null) {
			abortQuietly(key, failed.multipart().s3UploadId());
		}
		return Optional.of(started(upload, key, List.of(), false));
	}

	private UploadStarted resume(CurrentUser user, Video video, InitiateRequest request) {
		MultipartState multipart = video.multipart();
		List<StoredPart> stored;
		try {
			stored = storage.listParts(video.originalKey(), multipart.s3UploadId());
		}
		catch (MultipartUploadNotFoundException lost) {
			videos.markUploadFailed(video.id(), "The upload's parts were no longer in storage.");
			Video failed = videos.find(video.id()).orElseThrow(() -> new NotFoundException("Upload", video.id()));
			return restartFailed(user, failed, request)
				.orElseThrow(() -> new ConflictException("This upload changed while it was resumed; try again."));
		}
		NewUpload upload = new NewUpload(video.id(), video.mallId(), video.pinId(), video.filename(),
				video.fileSizeBytes(), video.checksumSha256(), video.recordedAt(), video.operatorNotes(),
				video.uploadedByUserId(), multipart);
		List<Integer> uploaded = stored.stream()
			.map(StoredPart::partNumber)
			.filter(number -> number <= multipart.totalParts())
			.toList();
		return started(upload, video.originalKey(), uploaded, true);
	}

	private NewUpload newUpload(CurrentUser user, UUID videoId, UUID mallId, UUID pinId, InitiateRequest request,
			String checksum, String s3UploadId) {
		PartPlan plan = PartPlan.of(request.fileSizeBytes(), settings.partSizeBytes());
		Instant expiresAt = clock.instant().plus(settings.sessionTtl());
		UploadApi.Metadata metadata = request.metadata();
		return new NewUpload(videoId, mallId, pinId, request.filename(), request.fileSizeBytes(), checksum,
				metadata == null ? null : metadata.recordedAt(), metadata == null ? null : metadata.operatorNotes(),
				user.id(), new MultipartState(s3UploadId, plan.partSizeBytes(), plan.totalParts(), expiresAt));
	}

	/** Signs the first parts not yet uploaded. */
	private UploadStarted started(NewUpload upload, String key, List<Integer> uploadedParts, boolean resumed) {
		MultipartState multipart = upload.multipart();
		Set<Integer> done = new HashSet<>(uploadedParts);
		List<Integer> toSign = IntStream.rangeClosed(1, multipart.totalParts())
			.filter(number -> !done.contains(number))
			.limit(UploadSettings.FIRST_SIGNED_PARTS)
			.boxed()
			.toList();
		Instant urlsExpireAt = clock.instant().plus(settings.partUrlTtl());
		return new UploadStarted(upload.videoId(), multipart.s3UploadId(), multipart.partSizeBytes(),
				multipart.totalParts(), sign(key, multipart.s3UploadId(), toSign), urlsExpireAt, multipart.expiresAt(),
				false, resumed, uploadedParts);
	}

	SignedParts signParts(CurrentUser user, UUID mallId, UUID pinId, UUID videoId, List<Integer> partNumbers) {
		Video video = requireInProgress(requireUpload(user, mallId, pinId, videoId));
		int totalParts = video.multipart().totalParts();
		for (Integer number : partNumbers) {
			if (number < 1 || number > totalParts) {
				throw new InvalidRequestException("part_numbers contains %d; this upload has parts 1 to %d."
					.formatted(number, totalParts));
			}
		}
		List<Integer> distinct = partNumbers.stream().distinct().sorted().toList();
		return new SignedParts(sign(video.originalKey(), video.multipart().s3UploadId(), distinct),
				clock.instant().plus(settings.partUrlTtl()));
	}

	StoredParts storedParts(CurrentUser user, UUID mallId, UUID pinId, UUID videoId) {
		Video video = requireInProgress(requireUpload(user, mallId, pinId, videoId));
		try {
			return new StoredParts(storage.listParts(video.originalKey(), video.multipart().s3UploadId())
				.stream()
				.map(part -> new StoredPartView(part.partNumber(), part.etag(), part.sizeBytes()))
				.toList());
		}
		catch (MultipartUploadNotFoundException lost) {
			throw new ConflictException("Storage no longer holds this upload's parts; start the upload again.");
		}
	}

	/**
	 * Completes the upload: checks every part, assembles the file in S3, checks its size, reads its
	 * metadata with ffprobe, and records the video as uploaded with a pending proxy job. Calling it
	 * again answers the same. One call at a time does the work, holding the row's claim; calls made
	 * meanwhile wait for its outcome and answer the same, and an abort meanwhile is refused.
	 */
	Completed complete(CurrentUser user, UUID mallId, UUID pinId, UUID videoId, CompleteRequest request) {
		long deadline = System.nanoTime() + COMPLETION_WAIT.toNanos();
		while (true) {
			Video video = requireUpload(user, mallId, pinId, videoId);
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
					return assemble(video, request);
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
		}
	}

	/** The work of complete, done by the call that holds the row's claim. */
	private Completed assemble(Video video, CompleteRequest request) {
		UUID videoId = video.id();
		String key = video.originalKey();
		try {
			List<StoredPart> parts = checkParts(video, storage.listParts(key, video.multipart().s3UploadId()), request);
			storage.completeMultipartUpload(key, video.multipart().s3UploadId(), parts);
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
		UUID jobId = transaction.execute(status -> {
			UUID created = jobs.createPending(videoId, JobType.PROXY);
			if (!videos.markUploaded(videoId, metadata, key, created)) {
				status.setRollbackOnly();
				return null;
			}
			return created;
		});
		if (jobId != null) {
			jobs.enqueue(jobId);
		}
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
		Video video = requireUpload(user, mallId, pinId, videoId);
		if (video.uploadStatus() != UploadStatus.UPLOADED && videos.deleteUnfinishedUpload(videoId)) {
			if (video.multipart() != null) {
				abortQuietly(video.originalKey(), video.multipart().s3UploadId());
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

	private Video requireUpload(CurrentUser user, UUID mallId, UUID pinId, UUID videoId) {
		malls.requireVisiblePin(user, mallId, pinId);
		return videos.find(videoId)
			.filter(video -> video.mallId().equals(mallId) && video.pinId().equals(pinId) && !video.deletionRequested())
			.orElseThrow(() -> new NotFoundException("Upload", videoId));
	}

	private static Video requireInProgress(Video video) {
		if (video.uploadStatus() != UploadStatus.UPLOADING) {
			throw new ConflictException(
					"This upload is no longer in progress (it is %s).".formatted(video.uploadStatus().value()));
		}
		return video;
	}


	private List<PresignedPart> sign(String key, String uploadId, List<Integer> partNumbers) {
		List<PresignedPart> urls = new ArrayList<>(partNumbers.size());
		for (int number : partNumbers) {
			URL url = storage.presignPartForBrowser(key, uploadId, number, settings.partUrlTtl());
			urls.add(new PresignedPart(number, url.toString()));
		}
		return urls;
	}

	private void failUpload(Video video, String reason) {
		videos.markUploadFailed(video.id(), reason);
		try {
			storage.delete(video.originalKey());
		}
		catch (RuntimeException ex) {
			log.warn("Object {} of failed upload {} not deleted ({}); the watchdog will", video.originalKey(),
					video.id(), ex.getMessage());
		}
	}

	private void abortQuietly(String key, String uploadId) {
		try {
			storage.abortMultipartUpload(key, uploadId);
		}
		catch (RuntimeException ex) {
			log.warn("Multipart upload {} of {} not aborted ({}); the orphan sweep will", uploadId, key, ex.getMessage());
		}
	}

	private static Completed completed(Video video) {
		return new Completed(video.id(), video.uploadStatus(), video.processingStatus(), video.processingJobId(),
				video.uploadedAt());
	}

	private static String normaliseEtag(String etag) {
		return etag.replace("\"", "").trim().toLowerCase(Locale.ROOT);
	}

	private static String humanBytes(long bytes) {
		double gib = bytes / (1024.0 * 1024 * 1024);
		return gib >= 1 ? "%.1f GiB".formatted(gib) : "%.0f MiB".formatted(bytes / (1024.0 * 1024));
	}

}
