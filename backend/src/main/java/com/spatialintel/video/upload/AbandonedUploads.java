package com.spatialintel.video.upload;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.spatialintel.video.storage.MultipartUploads;
import com.spatialintel.video.storage.ObjectStorage;
import com.spatialintel.video.storage.PendingMultipartUpload;
import com.spatialintel.video.storage.StorageUnavailableException;
import com.spatialintel.video.storage.StoredObject;
import com.spatialintel.video.video.DeletionCause;
import com.spatialintel.video.video.Video;
import com.spatialintel.video.video.VideoDeletionPolicy;
import com.spatialintel.video.video.VideoFiles;
import com.spatialintel.video.video.Videos;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Uploads nobody will finish: those in progress for longer than {@code STUCK_UPLOAD_THRESHOLD_HOURS}
 * (failed, their multipart upload aborted with the id the row keeps), multipart uploads in the
 * bucket that no upload in progress uses any more (aborted), and objects of videos that have no row
 * (deleted). All are safe to run on several nodes at once: a row is failed by one caller only, aborting twice is harmless.
 */
@Service
public class AbandonedUploads {

	private static final Logger log = LoggerFactory.getLogger(AbandonedUploads.class);

	/** How many uploads one query reads; the rest come in the next pages. */
	static final int BATCH = 500;

	private final Videos videos;

	private final ObjectStorage storage;

	private final MultipartUploads multipart;

	private final UploadSettings settings;

	private final VideoDeletionPolicy policy;

	private final Clock clock;

	private final int batch;

	@Autowired
	AbandonedUploads(Videos videos, ObjectStorage storage, MultipartUploads multipart, UploadSettings settings,
			VideoDeletionPolicy policy, Clock clock) {
		this(videos, storage, multipart, settings, policy, clock, BATCH);
	}

	/** With pages of {@code batch} uploads: a test fills several pages with a few uploads. */
	AbandonedUploads(Videos videos, ObjectStorage storage, MultipartUploads multipart, UploadSettings settings,
			VideoDeletionPolicy policy, Clock clock, int batch) {
		this.videos = videos;
		this.policy = policy;
		this.storage = storage;
		this.multipart = multipart;
		this.settings = settings;
		this.clock = clock;
		this.batch = batch;
	}

	/** @return how many uploads in progress were failed by this call */
	public int failAbandoned() {
		Instant cutoff = clock.instant().minus(settings.stuckUploadThreshold());
		String reason = "upload abandoned after " + thresholdHours() + " h";
		int failed = 0;
		List<Video> stuck;
		do {
			stuck = videos.findUploadsStartedBefore(cutoff, batch);
			for (Video video : stuck) {
				if (!videos.markUploadFailed(video.id(), reason)) {
					continue; // completed, deleted or failed by someone else meanwhile
				}
				failed++;
				log.warn("Upload of video {} ({}) {}; its multipart upload is aborted", video.id(), video.filename(), reason);
				abortQuietly(video.files().original(), video.multipart() == null ? null : video.multipart().s3UploadId());
			}
		}
		while (stuck.size() == batch);
		return failed;
	}

	/** @return how many multipart uploads older than the threshold that no upload in progress uses were aborted */
	public int abortOrphans() {
		Instant cutoff = clock.instant().minus(settings.stuckUploadThreshold());
		int aborted = 0;
		for (PendingMultipartUpload pending : multipart.listPending()) {
			if (pending.initiated() != null && pending.initiated().isAfter(cutoff)) {
				continue;
			}
			if (videos.isUploadInProgress(pending.uploadId())) {
				continue;
			}
			multipart.abort(pending.key(), pending.uploadId());
			aborted++;
			log.warn("Aborted orphaned multipart upload {} of {} (started {})", pending.uploadId(), pending.key(),
					pending.initiated());
		}
		return aborted;
	}

	/**
	 * Deletes the objects of videos that have no row, once they are older than the threshold: what
	 * a node that stopped between assembling an upload and recording it, or any other interrupted
	 * write, leaves behind. Only keys under a video's own prefix ({@link VideoFiles#videoOf}) are
	 * weighed, and only when the {@link VideoDeletionPolicy} allows; everything else stays.
	 *
	 * @return how many objects were deleted
	 */
	public int deleteOrphanObjects() {
		Instant cutoff = clock.instant().minus(settings.stuckUploadThreshold());
		int[] deleted = {0};
		storage.forEachObjectPage(page -> {
			Map<UUID, List<StoredObject>> old = new HashMap<>();
			for (StoredObject object : page) {
				Optional<UUID> videoId = VideoFiles.videoOf(object.key());
				if (videoId.isPresent() && object.lastModified() != null && object.lastModified().isBefore(cutoff)) {
					old.computeIfAbsent(videoId.get(), id -> new ArrayList<>()).add(object);
				}
			}
			Set<UUID> withRow = videos.existing(old.keySet());
			old.forEach((videoId, objects) -> {
				if (withRow.contains(videoId) || !policy.mayDelete(videoId, DeletionCause.ORPHANED)) {
					return;
				}
				for (StoredObject object : objects) {
					storage.delete(object.key());
					deleted[0]++;
					log.warn("Deleted object {} ({} bytes, written {}): no video row points at it", object.key(),
							object.sizeBytes(), object.lastModified());
				}
			});
		});
		return deleted[0];
	}

	private void abortQuietly(String key, String uploadId) {
		if (uploadId == null) {
			return;
		}
		try {
			multipart.abort(key, uploadId);
		}
		catch (StorageUnavailableException ex) {
			// the row is failed; the orphan sweep of a later run aborts the upload
			log.warn("Multipart upload {} not aborted now ({}); a later watchdog run will", uploadId, ex.getMessage());
		}
	}

	String thresholdHours() {
		BigDecimal hours = BigDecimal.valueOf(settings.stuckUploadThreshold().toMillis())
			.divide(BigDecimal.valueOf(3_600_000), 3, RoundingMode.HALF_UP);
		return hours.stripTrailingZeros().toPlainString();
	}

}
