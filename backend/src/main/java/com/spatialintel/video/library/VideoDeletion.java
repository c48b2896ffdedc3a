package com.spatialintel.video.library;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.spatialintel.video.auth.CurrentUser;
import com.spatialintel.video.storage.MultipartUploads;
import com.spatialintel.video.storage.ObjectStorage;
import com.spatialintel.video.storage.StorageUnavailableException;
import com.spatialintel.video.video.DeletionCause;
import com.spatialintel.video.video.UploadStatus;
import com.spatialintel.video.video.Video;
import com.spatialintel.video.video.VideoDeletionPolicy;
import com.spatialintel.video.video.Videos;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Deletes a video without ever leaving an object behind with no row pointing at it: once the
 * {@link VideoDeletionPolicy} allows it, the row is marked (which hides it and, through
 * {@code VideoDeleted}, stops its jobs), its multipart upload aborted, its objects deleted, and only
 * then the row (its jobs go with it). When S3 cannot
 * be reached the row stays marked and {@link #finishUnfinished()} tries again; every step can be
 * repeated, on any node, any number of times.
 */
@Service
public class VideoDeletion {

	private static final Logger log = LoggerFactory.getLogger(VideoDeletion.class);

	/** A deletion younger than this is most likely still being carried out by its own request. */
	static final Duration RETRY_AFTER = Duration.ofSeconds(30);

	private static final int RETRY_BATCH = 100;

	private final Videos videos;

	private final ObjectStorage storage;

	private final MultipartUploads multipart;

	private final VideoDeletionPolicy policy;

	private final LocalCopies copies;

	private final Clock clock;

	VideoDeletion(Videos videos, ObjectStorage storage, MultipartUploads multipart,
			VideoDeletionPolicy policy, LocalCopies copies, Clock clock) {
		this.videos = videos;
		this.copies = copies;
		this.policy = policy;
		this.storage = storage;
		this.multipart = multipart;
		this.clock = clock;
	}

	/**
	 * @return true when everything is gone; false when S3 could not be reached and the deletion will be retried
	 * @throws com.spatialintel.video.video.DeletionRefusedException when the policy keeps the video
	 */
	public boolean delete(CurrentUser user, Video video) {
		policy.requireMayDelete(video.id(), DeletionCause.REQUESTED);
		videos.markForDeletion(video, user.id());
		return finish(video);
	}

	/**
	 * Deletes a video whose mall's retention passed: the same deletion as a user's, by no user, asked
	 * of the policy as {@link DeletionCause#RETENTION} (a legal hold refuses it).
	 *
	 * @return true when everything is gone; false when S3 could not be reached and the deletion will be retried
	 */
	public boolean deleteByRetention(Video video) {
		policy.requireMayDelete(video.id(), DeletionCause.RETENTION);
		if (!videos.markForDeletion(video, null)) {
			return false;
		}
		return finish(video);
	}

	/** Carries out the deletions that S3 interrupted; runs every minute on every node. */
	@Scheduled(fixedDelayString = "${app.library.deletion-retry-interval:60s}", initialDelayString = "${app.library.deletion-retry-interval:60s}")
	public int finishUnfinished() {
		return finishUnfinished(RETRY_AFTER);
	}

	/** @param minimumAge deletions asked for more recently are left to their own request */
	int finishUnfinished(Duration minimumAge) {
		List<Video> unfinished = videos.findUnfinishedDeletions(clock.instant().minus(minimumAge), RETRY_BATCH);
		int finished = 0;
		for (Video video : unfinished) {
			Optional<String> objection = policy.objection(video.id(), DeletionCause.REQUESTED);
			if (objection.isPresent()) {
				log.warn("Video {} is marked for deletion but its deletion is refused now ({}); it stays hidden",
						video.id(), objection.get());
				continue;
			}
			if (!finish(video)) {
				break;
			}
			finished++;
		}
		if (!unfinished.isEmpty()) {
			log.info("Finished {} of {} interrupted video deletions", finished, unfinished.size());
		}
		return finished;
	}

	private boolean finish(Video video) {
		copies.forget(video.files().all());
		try {
			if (video.uploadStatus() != UploadStatus.UPLOADED && video.multipart() != null) {
				multipart.abort(video.files().original(), video.multipart().s3UploadId());
			}
			video.files().all().forEach(storage::delete);
		}
		catch (StorageUnavailableException ex) {
			log.warn("Video {} is marked for deletion; its files will be deleted when storage answers again: {}",
					video.id(), ex.getMessage());
			return false;
		}
		videos.deleteMarked(video.id());
		log.info("Video {} ({}) deleted with its files", video.id(), video.filename());
		return true;
	}

}
