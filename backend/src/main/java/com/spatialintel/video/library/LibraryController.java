package com.spatialintel.video.library;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.spatialintel.video.auth.CurrentUser;
import com.spatialintel.video.mall.Malls;
import com.spatialintel.video.mall.PinRef;
import com.spatialintel.video.video.Video;
import com.spatialintel.video.video.VideoAccess;
import com.spatialintel.video.video.VideoDetails;
import com.spatialintel.video.video.VideoPage;
import com.spatialintel.video.video.Videos;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A pin's videos, page by page; deleting a video with everything it stored. */
@RestController
class LibraryController {

	private final Videos videos;

	private final Malls malls;

	private final PosterLinks posters;

	private final VideoDeletion deletion;

	private final VideoAccess access;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	LibraryController(Videos videos, VideoAccess access, Malls malls, PosterLinks posters, VideoDeletion deletion,
			ApplicationEventPublisher events, Clock clock) {
		this.events = events;
		this.clock = clock;
		this.videos = videos;
		this.access = access;
		this.malls = malls;
		this.posters = posters;
		this.deletion = deletion;
	}

	/**
	 * Newest recording first (then newest upload). {@code from} (inclusive) and {@code to}
	 * (exclusive) are ISO-8601 instants that filter {@code recorded_at}.
	 */
	@GetMapping("/api/malls/{mall_id}/pins/{pin_id}/videos")
	VideoList list(@AuthenticationPrincipal CurrentUser user, @PathVariable("mall_id") UUID mallId,
			@PathVariable("pin_id") UUID pinId, @RequestParam(required = false) String status,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(defaultValue = "" + ListingFilters.PAGE_SIZE) int limit, @RequestParam(defaultValue = "0") long offset) {
		PinRef pin = malls.requireVisiblePin(user, mallId, pinId);
		VideoPage page = videos.list(ListingFilters.query(pinId, status, from, to, limit, offset));
		events.publishEvent(new VideoListRead(mallId, pinId, user.id(), status, from, to, offset, page.total(), clock.instant()));
		List<VideoListItem> items = page.videos().stream().map(video -> item(video, pin)).toList();
		return new VideoList(items, page.total(), limit, offset);
	}

	/** 204 when the video and its files are gone; 202 when S3 is down and the deletion will finish later. */
	@ApiResponse(responseCode = "204", description = "The video, its files, its row and its jobs are gone")
	@ApiResponse(responseCode = "202", description = "The video is hidden; its files are deleted once storage answers again",
			content = @Content(schema = @Schema(implementation = DeletionPending.class)))
	@DeleteMapping("/api/videos/{video_id}")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
	ResponseEntity<DeletionPending> delete(@AuthenticationPrincipal CurrentUser user,
			@PathVariable("video_id") UUID videoId) {
		Video video = access.requireVisible(user, videoId);
		if (deletion.delete(user, video)) {
			return ResponseEntity.noContent().build();
		}
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(new DeletionPending(videoId,
					"The video is hidden and its files will be deleted as soon as storage answers again."));
	}

	private VideoListItem item(Video video, PinRef pin) {
		return new VideoListItem(VideoDetails.of(video, pin), posters.posterUrl(video));
	}

	/** {@code GET /api/malls/{mall_id}/pins/{pin_id}/videos}. */
	record VideoList(List<VideoListItem> videos, long total, int limit, long offset) {
	}

	/** The details of a video and a signed link to its poster (null until it has one). */
	record VideoListItem(@JsonUnwrapped VideoDetails details, String posterUrl) {
	}

	/** The answer to a deletion that S3 interrupted. */
	record DeletionPending(UUID videoId, String detail) {
	}

}
