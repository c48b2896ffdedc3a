package com.spatialintel.video.timeline;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import com.spatialintel.video.auth.CurrentUser;
import com.spatialintel.video.library.PosterLinks;
import com.spatialintel.video.mall.MallRef;
import com.spatialintel.video.mall.Malls;
import com.spatialintel.video.mall.PinRef;
import com.spatialintel.video.timeline.TimelineApi.Clip;
import com.spatialintel.video.timeline.TimelineApi.Lane;
import com.spatialintel.video.timeline.TimelineApi.MallTimeline;
import com.spatialintel.video.timeline.TimelineApi.PinTimeline;
import com.spatialintel.video.video.Video;
import com.spatialintel.video.video.Videos;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A pin's or a mall's recorded spans in a window: {@code from} and {@code to} (ISO-8601 instants,
 * at most 31 days apart), or {@code date}, the mall's local day. Access is that of the listing: a
 * mall the caller may not see, or a pin of another mall, is 404.
 */
@RestController
class TimelineController {

	/** The most clips one lane answers: a week of one-minute clips. */
	static final int MAX_CLIPS = 10_000;

	private final Malls malls;

	private final Videos videos;

	private final PosterLinks posters;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	TimelineController(Malls malls, Videos videos, PosterLinks posters, Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.malls = malls;
		this.videos = videos;
		this.posters = posters;
		this.clock = clock;
	}

	@GetMapping("/api/malls/{mall_id}/pins/{pin_id}/timeline")
	PinTimeline pin(@AuthenticationPrincipal CurrentUser user, @PathVariable("mall_id") UUID mallId,
			@PathVariable("pin_id") UUID pinId, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String date) {
		PinRef pin = malls.requireVisiblePin(user, mallId, pinId);
		TimelineWindow window = TimelineWindow.of(from, to, date, ZoneId.of(pin.mallTimeZone()));
		Lane lane = lane(pin, window);
		events.publishEvent(new TimelineRead(mallId, pinId, user.id(), window.from(), window.to(), lane.clips().size(),
				clock.instant()));
		return new PinTimeline(window.from(), window.to(), pin.mallTimeZone(), pin.pinId(), pin.pinName(), lane.clips(),
				lane.gaps(), lane.untimedCount(), lane.truncated());
	}

	@GetMapping("/api/malls/{mall_id}/timeline")
	MallTimeline mall(@AuthenticationPrincipal CurrentUser user, @PathVariable("mall_id") UUID mallId,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String date) {
		MallRef mall = malls.requireVisibleMall(user, mallId);
		TimelineWindow window = TimelineWindow.of(from, to, date, ZoneId.of(mall.timeZone()));
		List<Lane> lanes = mall.pins().stream().map(pin -> lane(pin, window)).toList();
		events.publishEvent(new TimelineRead(mallId, null, user.id(), window.from(), window.to(),
				lanes.stream().mapToInt(lane -> lane.clips().size()).sum(), clock.instant()));
		return new MallTimeline(window.from(), window.to(), mall.timeZone(), mall.mallId(), mall.mallName(), lanes);
	}

	private Lane lane(PinRef pin, TimelineWindow window) {
		List<Video> found = videos.recordedBetween(pin.pinId(), window.from(), window.to(), MAX_CLIPS + 1);
		boolean truncated = found.size() > MAX_CLIPS;
		List<Video> shown = truncated ? found.subList(0, MAX_CLIPS) : found;
		List<Clip> clips = shown.stream().map(this::clip).toList();
		Instant now = clock.instant();
		// footage can only exist up to now; past the last clip shown, a truncated lane is not known to be empty
		Instant known = truncated ? clips.get(clips.size() - 1).start() : window.to().isAfter(now) ? now : window.to();
		List<Instant[]> spans = clips.stream().map(clip -> new Instant[] { clip.start(), clip.end() }).toList();
		return new Lane(pin.pinId(), pin.pinName(), clips, TimelineSpans.gaps(spans, window.from(), known),
				videos.countUntimed(pin.pinId()), truncated);
	}

	private Clip clip(Video video) {
		return new Clip(video.id(), video.filename(), video.recordedAt(), video.recordedUntil(),
				video.metadata().durationSeconds(), video.recordedAtSource(), video.processingStatus(), video.hasProxy(),
				posters.posterUrl(video));
	}

}
