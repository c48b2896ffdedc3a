package com.spatialintel.video.video;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;


import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may do with videos. */
@Service
public class Videos {

	private final VideoRepository videos;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Videos(VideoRepository videos, ApplicationEventPublisher events, Clock clock) {
		this.videos = videos;
		this.events = events;
		this.clock = clock;
	}

	public Optional<Video> find(UUID videoId) {
		return videos.find(videoId);
	}

	public Optional<Video> findByChecksumAndPin(String checksumSha256, UUID pinId) {
		return videos.findByChecksumAndPin(checksumSha256, pinId);
	}

	/** @throws DuplicateVideoException when the pin already has a video with this checksum */
	public void startUpload(NewUpload upload) {
		try {
			videos.insertUploading(upload, clock.instant());
		}
		catch (DuplicateKeyException ex) {
			throw new DuplicateVideoException(ex);
		}
	}

	/** Starts a failed upload over on its row; false when it is no longer failed. */
	public boolean restartFailedUpload(NewUpload upload) {
		return videos.restartFailed(upload, clock.instant());
	}

	/**
	 * Its processing waits for a proxy job ({@link #attachProxyJob}). False when the upload was no
	 * longer in progress (another request completed it first).
	 */
	public boolean markUploaded(UUID videoId, VideoMetadata metadata, String originalPath) {
		Instant now = clock.instant();
		return videos.markUploaded(videoId, metadata, RecordingTimeSource.plausibleFileTime(metadata.creationTime(), now),
				originalPath, now);
	}

	/** The video's processing status follows this new proxy job; false when the video does not wait for one. */
	public boolean attachProxyJob(UUID videoId, UUID jobId) {
		return videos.attachProxyJob(videoId, jobId, clock.instant());
	}

	public boolean markUploadFailed(UUID videoId, String reason) {
		return videos.markUploadFailed(videoId, reason, clock.instant());
	}

	public boolean markQueued(UUID videoId) {
		return videos.markQueued(videoId, clock.instant());
	}

	public boolean markProcessingStarted(UUID videoId) {
		return videos.markProcessingStarted(videoId, clock.instant());
	}

	public boolean markProcessingRequeued(UUID videoId) {
		return videos.markProcessingRequeued(videoId, clock.instant());
	}

	/** @param posterPath null when no poster could be made; so is previewsPath for the previews */
	public boolean markProcessingCompleted(UUID videoId, String proxyPath, String posterPath, String previewsPath) {
		return videos.markProcessingCompleted(videoId, proxyPath, posterPath, previewsPath, clock.instant());
	}

	public boolean markProcessingFailed(UUID videoId, String reason) {
		return videos.markProcessingFailed(videoId, reason, clock.instant());
	}

	/** Points a finished (failed or completed) video at a new pending job; false while it is being processed. */
	public boolean markReprocessing(UUID videoId, UUID jobId) {
		return videos.markReprocessing(videoId, jobId, clock.instant());
	}

	/** Uploads in progress that started (or restarted) at or before {@code startedBefore}, oldest first. */
	public List<Video> findUploadsStartedBefore(Instant startedBefore, int limit) {
		return videos.findUploadingSince(startedBefore, clock.instant(), limit);
	}

	/** Whether an upload in progress still uses this S3 multipart upload. */
	public boolean isUploadInProgress(String s3UploadId) {
		return videos.isUploadInProgress(s3UploadId, clock.instant());
	}

	/** Which of these ids have a row (in any state). */
	public Set<UUID> existing(Collection<UUID> videoIds) {
		return videos.existingIds(videoIds);
	}

	/** A page of one pin's videos, newest recording first; videos being deleted are left out. */
	/**
	 * The pin's clips whose span {@code [recorded_at, recorded_at + duration)} overlaps
	 * {@code [from, to)}, earliest first, at most {@code limit}. Only uploaded videos with a recording
	 * time and a duration have a span.
	 */
	public List<Video> recordedBetween(UUID pinId, Instant from, Instant to, int limit) {
		// a clip that starts before the window overlaps it when it is long enough: no longer than the pin's longest
		Instant earliestOverlapping = from.minusNanos(Math.round(Math.ceil(videos.longestDuration(pinId)) * 1e9));
		List<Video> clips = new ArrayList<>();
		for (Video video : videos.findRecordedBetween(pinId, earliestOverlapping, from, Integer.MAX_VALUE)) {
			if (video.recordedUntil().isAfter(from)) {
				clips.add(video);
			}
		}
		clips.addAll(videos.findRecordedBetween(pinId, from, to, limit));
		return clips.size() > limit ? List.copyOf(clips.subList(0, limit)) : clips;
	}

	/**
	 * The mall's uploaded videos recorded (or, without a recording time, uploaded) before
	 * {@code cutoff}, oldest first: what its retention deletes.
	 */
	public List<Video> olderThan(UUID mallId, Instant cutoff, int limit) {
		return videos.findOlderThan(mallId, cutoff, limit);
	}

	/** The pin's uploaded videos without a recording time or a duration: no timeline can place them. */
	public long countUntimed(UUID pinId) {
		return videos.countUntimed(pinId);
	}

	public VideoPage list(VideoQuery query) {
		return videos.listForPin(query);
	}

	/**
	 * Hides the video, records that its objects are to be deleted and publishes {@link VideoDeleted};
	 * false when it already was.
	 */
	@Transactional
	public boolean markForDeletion(Video video, UUID deletedByUserId) {
		Instant now = clock.instant();
		DeletionCause cause = deletedByUserId == null ? DeletionCause.RETENTION : DeletionCause.REQUESTED;
		if (!videos.markForDeletion(video.id(), now)) {
			return false;
		}
		events.publishEvent(new VideoDeleted(video.id(), video.mallId(), video.pinId(), video.filename(),
				video.checksumSha256(), deletedByUserId, now, cause));
		return true;
	}

	/** Deletes the row of a video marked for deletion (its jobs go with it); call once its objects are gone. */
	public boolean deleteMarked(UUID videoId) {
		return videos.deleteMarked(videoId, clock.instant());
	}

	/** Videos whose deletion was asked for before {@code before} and has not finished, oldest first. */
	public List<Video> findUnfinishedDeletions(Instant before, int limit) {
		return videos.findMarkedForDeletion(before, limit);
	}

	/**
	 * Deletes an upload that never finished; false when there is none, it has finished, or a
	 * complete holds its claim ({@link #claimCompletion}).
	 */
	public boolean deleteUnfinishedUpload(UUID videoId) {
		return videos.deleteUnfinished(videoId, clock.instant());
	}

	/**
	 * Claims an upload in progress for one complete call for {@code lease}; empty when it is not in
	 * progress or another call holds the claim. Marking it uploaded or failed ends the claim.
	 *
	 * @return the instant the claim lapses, which {@link #releaseCompletion} needs
	 */
	public Optional<Instant> claimCompletion(UUID videoId, Duration lease) {
		Instant now = clock.instant();
		Instant until = now.plus(lease).truncatedTo(ChronoUnit.MILLIS);
		return videos.claimCompletion(videoId, now, until) ? Optional.of(until) : Optional.empty();
	}

	/**
	 * Ends this call's claim, unless it lapsed and another call holds a newer one. After the row was
	 * marked uploaded or failed there is none left to end; after bad receipts or S3 away there is.
	 */
	public void releaseCompletion(UUID videoId, Instant claimedUntil) {
		videos.releaseCompletion(videoId, claimedUntil, clock.instant());
	}

}
