package com.spatialintel.video.motion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.spatialintel.video.auth.CurrentUser;
import com.spatialintel.video.errors.InvalidRequestException;
import com.spatialintel.video.errors.QueryValues;
import com.spatialintel.video.mall.Malls;
import com.spatialintel.video.motion.MotionApi.MotionSearchRequest;
import com.spatialintel.video.motion.MotionApi.MotionSearchResult;
import com.spatialintel.video.motion.MotionApi.PinActivity;
import com.spatialintel.video.motion.MotionApi.VideoActivity;
import com.spatialintel.video.video.Video;
import com.spatialintel.video.video.VideoAccess;
import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Activity and motion search, for whoever may see the pin (the list's access rules). */
@RestController
class MotionController {

	private final MotionSearch search;

	private final MotionIndexes indexes;

	private final VideoAccess access;

	private final Malls malls;

	MotionController(MotionSearch search, MotionIndexes indexes, VideoAccess access, Malls malls) {
		this.search = search;
		this.indexes = indexes;
		this.access = access;
		this.malls = malls;
	}

	/** Each second's overall activity (0–255); {@code has_index} false, and none, while the video has no index. */
	@GetMapping("/api/videos/{video_id}/activity")
	VideoActivity videoActivity(@AuthenticationPrincipal CurrentUser user, @PathVariable("video_id") UUID videoId) {
		Video video = access.requireVisible(user, videoId);
		MotionIndex index = indexes.indexed(List.of(videoId)).isEmpty() ? null : indexes.find(video).orElse(null);
		if (index == null) {
			return new VideoActivity(videoId, false, 0, List.of());
		}
		List<Integer> activity = new ArrayList<>(index.seconds());
		for (int second = 0; second < index.seconds(); second++) {
			activity.add(index.activity(second));
		}
		return new VideoActivity(videoId, true, index.seconds(), activity);
	}

	/** The strongest activity per bucket of the window (instants, at most 31 days), across the pin's clips. */
	@GetMapping("/api/malls/{mall_id}/pins/{pin_id}/activity")
	PinActivity pinActivity(@AuthenticationPrincipal CurrentUser user, @PathVariable("mall_id") UUID mallId,
			@PathVariable("pin_id") UUID pinId, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String buckets) {
		malls.requireVisiblePin(user, mallId, pinId);
		Instant start = QueryValues.instant("from", from);
		Instant end = QueryValues.instant("to", to);
		if (start == null || end == null) {
			throw new InvalidRequestException("Give the window as from and to (ISO-8601 instants).");
		}
		return search.activity(pinId, start, end, buckets(buckets));
	}

	/** Seconds of motion in the regions, merged into runs, with the clip and the offset to play from. */
	@PostMapping("/api/malls/{mall_id}/pins/{pin_id}/motion-search")
	MotionSearchResult motionSearch(@AuthenticationPrincipal CurrentUser user, @PathVariable("mall_id") UUID mallId,
			@PathVariable("pin_id") UUID pinId, @Valid @RequestBody MotionSearchRequest request) {
		malls.requireVisiblePin(user, mallId, pinId);
		return search.search(request, pinId);
	}

	private static int buckets(String text) {
		if (text == null) {
			return 500;
		}
		if (!text.matches("\\d{1,6}")) {
			throw new InvalidRequestException("buckets must be a whole number from 1 to " + MotionSearch.MAX_BUCKETS + ", not '"
					+ QueryValues.printable(text) + "'.");
		}
		return Integer.parseInt(text);
	}

}
