package com.spatialintel.video.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.spatialintel.video.video.DeletionCause;
import com.spatialintel.video.video.Video;
import com.spatialintel.video.video.VideoDeletionPolicy;
import com.spatialintel.video.video.Videos;

import org.springframework.stereotype.Component;

/**
 * What retention deletes in a mall now: its uploaded videos recorded (or, without a recording time,
 * uploaded) more than {@code retention_days} ago, less those a legal hold or another deletion rule
 * (an evidence export of them) keeps. The preview and
 * the daily run both ask this, so the preview is exactly what the run deletes.
 */
@Component
class RetentionPlan {

	/** The most videos one run deletes in one mall (the next run goes on). */
	static final int MAX_PER_RUN = 10_000;

	private final LegalHoldRepository repository;

	private final LegalHolds holds;

	private final VideoDeletionPolicy policy;

	private final Videos videos;

	private final Clock clock;

	RetentionPlan(LegalHoldRepository repository, LegalHolds holds, VideoDeletionPolicy policy, Videos videos, Clock clock) {
		this.repository = repository;
		this.policy = policy;
		this.holds = holds;
		this.videos = videos;
		this.clock = clock;
	}

	/** {@code retentionDays} null: retention is off for the mall, nothing is deleted. */
	record Plan(UUID mallId, Integer retentionDays, Instant cutoff, List<Video> deletions, List<Held> held) {

		long bytes() {
			return deletions.stream().mapToLong(Video::fileSizeBytes).sum();
		}

	}

	/** A video past retention that stays: kept by a legal hold ({@code holdId}), or by another rule (null: an evidence export). */
	record Held(Video video, UUID holdId, String reason) {
	}

	Plan of(UUID mallId) {
		Integer days = repository.retentionDays(mallId).orElse(null);
		if (days == null) {
			return new Plan(mallId, null, null, List.of(), List.of());
		}
		Instant cutoff = clock.instant().minus(Duration.ofDays(days));
		List<Video> deletions = new ArrayList<>();
		List<Held> held = new ArrayList<>();
		for (Video video : videos.olderThan(mallId, cutoff, MAX_PER_RUN)) {
			// the policy asks every veto (legal holds among them); only a kept video is asked which hold keeps it
			Optional<String> objection = policy.objection(video.id(), DeletionCause.RETENTION);
			if (objection.isEmpty()) {
				deletions.add(video);
				continue;
			}
			List<LegalHold> keeping = holds.holding(video);
			held.add(keeping.isEmpty() ? new Held(video, null, objection.get())
					: new Held(video, keeping.get(0).id(), keeping.get(0).reason()));
		}
		return new Plan(mallId, days, cutoff, deletions, held);
	}

}
