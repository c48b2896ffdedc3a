package com.spatialintel.video.retention;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.spatialintel.video.auth.CurrentUser;
import com.spatialintel.video.errors.InvalidRequestException;
import com.spatialintel.video.errors.NotFoundException;
import com.spatialintel.video.mall.Malls;
import com.spatialintel.video.mall.PinRef;
import com.spatialintel.video.retention.HoldEvents.HoldLifted;
import com.spatialintel.video.retention.HoldEvents.HoldPlaced;
import com.spatialintel.video.video.DeletionCause;
import com.spatialintel.video.video.DeletionVeto;
import com.spatialintel.video.video.Video;
import com.spatialintel.video.video.VideoAccess;
import com.spatialintel.video.video.Videos;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Legal holds: placed and lifted by admins (audited), and the {@link DeletionVeto} that keeps held
 * footage from every deletion, a user's and retention's alike.
 */
@Service
class LegalHolds implements DeletionVeto {

	private final LegalHoldRepository holds;

	private final Videos videos;

	private final VideoAccess access;

	private final Malls malls;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	LegalHolds(LegalHoldRepository holds, Videos videos, VideoAccess access, Malls malls, ApplicationEventPublisher events,
			Clock clock) {
		this.holds = holds;
		this.videos = videos;
		this.access = access;
		this.malls = malls;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	LegalHold place(CurrentUser admin, UUID videoId, UUID pinId, Instant from, Instant to, String reason, LocalDate reviewOn) {
		if ((videoId == null) == (pinId == null)) {
			throw new InvalidRequestException("A hold is on one video (video_id) or on a pin over a time window "
					+ "(pin_id, from and to): give exactly one of video_id and pin_id.");
		}
		if (reviewOn.isBefore(LocalDate.now(clock.withZone(ZoneOffset.UTC)))) {
			throw new InvalidRequestException("review_on must be today or later, not " + reviewOn + ".");
		}
		UUID mallId;
		if (videoId != null) {
			if (from != null || to != null) {
				throw new InvalidRequestException("A hold on a video has no window: leave out from and to.");
			}
			mallId = access.requireVisible(admin, videoId).mallId();
		}
		else {
			if (from == null || to == null || !from.isBefore(to)) {
				throw new InvalidRequestException("A hold on a pin needs from earlier than to (ISO-8601 instants).");
			}
			PinRef pin = malls.findPin(pinId).orElseThrow(() -> new NotFoundException("Pin", pinId));
			mallId = pin.mallId();
		}
		LegalHold hold = new LegalHold(UUID.randomUUID(), mallId, videoId, pinId, from, to, reason.strip(), reviewOn,
				admin.id(), admin.email(), clock.instant(), null, null);
		holds.insert(hold);
		events.publishEvent(new HoldPlaced(hold.id(), mallId, videoId, pinId, from, to, hold.reason(), reviewOn, hold.placedAt()));
		return hold;
	}

	@Transactional
	LegalHold lift(CurrentUser admin, UUID holdId) {
		LegalHold hold = holds.find(holdId).orElseThrow(() -> new NotFoundException("Hold", holdId));
		if (holds.lift(holdId, admin.email(), clock.instant())) {
			events.publishEvent(new HoldLifted(hold.id(), hold.mallId(), hold.videoId(), hold.pinId(), hold.reason(),
					clock.instant()));
		}
		return holds.find(holdId).orElseThrow();
	}

	List<LegalHold> ofMall(UUID mallId) {
		return holds.ofMall(mallId);
	}

	/** The active holds that keep this video. */
	List<LegalHold> holding(Video video) {
		Instant start = video.recordedAt() != null ? video.recordedAt() : video.uploadedAt() != null ? video.uploadedAt() : video.createdAt();
		Instant end = video.recordedUntil() != null ? video.recordedUntil() : start.plusMillis(1);
		return holds.activeFor(video.id(), video.pinId())
			.stream()
			.filter(hold -> hold.covers(video.id(), video.pinId(), start, end))
			.toList();
	}

	@Override
	public Optional<String> objection(UUID videoId, DeletionCause cause) {
		if (cause == DeletionCause.UPLOAD_UNFINISHED || cause == DeletionCause.ORPHANED) {
			return Optional.empty();
		}
		return videos.find(videoId)
			.flatMap(video -> holding(video).stream().findFirst())
			.map(hold -> "This video is kept by " + hold.describe() + "; an admin must lift the hold before it can be deleted.");
	}

}
