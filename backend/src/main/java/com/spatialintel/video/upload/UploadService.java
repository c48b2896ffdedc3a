package com.spatialintel.video.upload;

import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import com.spatialintel.video.auth.CurrentUser;
import com.spatialintel.video.errors.ConflictException;
import com.spatialintel.video.errors.InvalidRequestException;
import com.spatialintel.video.errors.NotFoundException;
import com.spatialintel.video.mall.Malls;
import com.spatialintel.video.mall.PinRef;
import com.spatialintel.video.storage.MultipartUploadNotFoundException;
import com.spatialintel.video.storage.MultipartUploads;
import com.spatialintel.video.storage.StoredPart;
import com.spatialintel.video.upload.UploadApi.AlreadyUploaded;
import com.spatialintel.video.upload.UploadApi.InitiateRequest;
import com.spatialintel.video.upload.UploadApi.PresignedPart;
import com.spatialintel.video.upload.UploadApi.SignedParts;
import com.spatialintel.video.upload.UploadApi.StorageCheck;
import com.spatialintel.video.upload.UploadApi.StoredPartView;
import com.spatialintel.video.upload.UploadApi.StoredParts;
import com.spatialintel.video.upload.UploadApi.UploadStarted;
import com.spatialintel.video.video.DuplicateVideoException;
import com.spatialintel.video.video.NewUpload;
import com.spatialintel.video.video.Video.MultipartState;
import com.spatialintel.video.video.Video;
import com.spatialintel.video.video.VideoFiles;
import com.spatialintel.video.video.Videos;

import org.springframework.stereotype.Service;

/**
 * Starting, resuming and signing uploads; {@link UploadCompletion} checks and completes them. Bytes
 * go from the browser straight to S3 through presigned part URLs. S3 is written before a row points
 * at it, and a row stops pointing at an object before the object is removed.
 */
@Service
class UploadService {

	private static final String CONTENT_TYPE = "video/mp4";

	/** The page uses the link at once; long enough for a slow network, short enough to be worth nothing later. */
	static final Duration STORAGE_CHECK_TTL = Duration.ofMinutes(5);

	private final Malls malls;

	private final Videos videos;

	private final MultipartUploads multipart;

	private final UploadRecords records;

	private final UploadSettings settings;

	private final Clock clock;

	UploadService(Malls malls, Videos videos, MultipartUploads multipart, UploadRecords records, UploadSettings settings,
			Clock clock) {
		this.malls = malls;
		this.videos = videos;
		this.multipart = multipart;
		this.records = records;
		this.settings = settings;
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
		String key = new VideoFiles(pin.mallId(), pin.pinId(), videoId).original();
		NewUpload upload = newUpload(user, videoId, pin.mallId(), pin.pinId(), request, checksum,
				multipart.start(key, CONTENT_TYPE));
		try {
			videos.startUpload(upload);
		}
		catch (RuntimeException ex) {
			records.abortQuietly(key, upload.multipart().s3UploadId());
			throw ex;
		}
		return started(upload, key, List.of(), false);
	}

	/** A failed upload of the same file starts over on its row with a new multipart upload. */
	private Optional<UploadStarted> restartFailed(CurrentUser user, Video failed, InitiateRequest request) {
		String key = failed.files().original();
		NewUpload upload = newUpload(user, failed.id(), failed.mallId(), failed.pinId(), request,
				failed.checksumSha256(), multipart.start(key, CONTENT_TYPE));
		if (!videos.restartFailedUpload(upload)) {
			records.abortQuietly(key, upload.multipart().s3UploadId());
			return Optional.empty();
		}
		if (failed.multipart() != null) {
			records.abortQuietly(key, failed.multipart().s3UploadId());
		}
		return Optional.of(started(upload, key, List.of(), false));
	}

	private UploadStarted resume(CurrentUser user, Video video, InitiateRequest request) {
		MultipartState state = video.multipart();
		List<StoredPart> stored;
		try {
			stored = multipart.listParts(video.files().original(), state.s3UploadId());
		}
		catch (MultipartUploadNotFoundException lost) {
			videos.markUploadFailed(video.id(), "The upload's parts were no longer in storage.");
			Video failed = videos.find(video.id()).orElseThrow(() -> new NotFoundException("Upload", video.id()));
			return restartFailed(user, failed, request)
				.orElseThrow(() -> new ConflictException("This upload changed while it was resumed; try again."));
		}
		NewUpload upload = new NewUpload(video.id(), video.mallId(), video.pinId(), video.filename(),
				video.fileSizeBytes(), video.checksumSha256(), video.recordedAt(), video.operatorNotes(),
				video.uploadedByUserId(), state);
		List<Integer> uploaded = stored.stream()
			.map(StoredPart::partNumber)
			.filter(number -> number <= state.totalParts())
			.toList();
		return started(upload, video.files().original(), uploaded, true);
	}

	private NewUpload newUpload(CurrentUser user, UUID videoId, UUID mallId, UUID pinId, InitiateRequest request,
			String checksum, String s3UploadId) {
		PartPlan plan = PartPlan.of(request.fileSizeBytes(), settings.partSizeBytes());
		Instant expiresAt = clock.instant().plus(settings.stuckUploadThreshold());
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
		Video video = UploadRecords.requireInProgress(records.requireUpload(user, mallId, pinId, videoId));
		int totalParts = video.multipart().totalParts();
		for (Integer number : partNumbers) {
			if (number < 1 || number > totalParts) {
				throw new InvalidRequestException("part_numbers contains %d; this upload has parts 1 to %d."
					.formatted(number, totalParts));
			}
		}
		List<Integer> distinct = partNumbers.stream().distinct().sorted().toList();
		return new SignedParts(sign(video.files().original(), video.multipart().s3UploadId(), distinct),
				clock.instant().plus(settings.partUrlTtl()));
	}

	StorageCheck storageCheck(CurrentUser user, UUID mallId, UUID pinId) {
		malls.requireVisiblePin(user, mallId, pinId);
		return new StorageCheck(multipart.presignReachCheckForBrowser(STORAGE_CHECK_TTL).toString(),
				clock.instant().plus(STORAGE_CHECK_TTL));
	}

	StoredParts storedParts(CurrentUser user, UUID mallId, UUID pinId, UUID videoId) {
		Video video = UploadRecords.requireInProgress(records.requireUpload(user, mallId, pinId, videoId));
		try {
			return new StoredParts(multipart.listParts(video.files().original(), video.multipart().s3UploadId())
				.stream()
				.map(part -> new StoredPartView(part.partNumber(), part.etag(), part.sizeBytes()))
				.toList());
		}
		catch (MultipartUploadNotFoundException lost) {
			throw new ConflictException("Storage no longer holds this upload's parts; start the upload again.");
		}
	}

	private List<PresignedPart> sign(String key, String uploadId, List<Integer> partNumbers) {
		List<PresignedPart> urls = new ArrayList<>(partNumbers.size());
		for (int number : partNumbers) {
			URL url = multipart.presignPartForBrowser(key, uploadId, number, settings.partUrlTtl());
			urls.add(new PresignedPart(number, url.toString()));
		}
		return urls;
	}

	private static String humanBytes(long bytes) {
		double gib = bytes / (1024.0 * 1024 * 1024);
		return gib >= 1 ? "%.1f GiB".formatted(gib) : "%.0f MiB".formatted(bytes / (1024.0 * 1024));
	}

}
