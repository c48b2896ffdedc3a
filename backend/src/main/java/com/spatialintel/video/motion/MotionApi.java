package com.spatialintel.video.motion;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.lang.Nullable;

/** Request and response bodies of activity and motion search; JSON names are snake_case. */
final class MotionApi {

	private MotionApi() {
	}

	/** {@code GET /api/videos/{id}/activity}: the overall activity of each second (0–255); empty without an index. */
	record VideoActivity(UUID videoId, boolean hasIndex, int seconds, List<Integer> activity) {
	}

	/**
	 * {@code GET /api/malls/{m}/pins/{p}/activity}: the strongest activity of each of {@code buckets}
	 * equal parts of the window, across clips; null where no indexed footage falls.
	 */
	record PinActivity(Instant from, Instant to, int buckets, double bucketSeconds, List<Integer> activity,
			int videosWithoutIndex) {
	}

	/**
	 * {@code POST /api/malls/{m}/pins/{p}/motion-search}.
	 * @param regions 1–8 rectangles in the frame's 0–1 coordinates
	 * @param sensitivity 1–100 (50 unless given): higher finds fainter change
	 * @param minSeconds the shortest motion that counts (1 unless given)
	 */
	record MotionSearchRequest(@NotNull Instant from, @NotNull Instant to, @NotNull List<@NotNull @Valid RegionBody> regions,
			@Nullable @Min(1) @Max(100) Integer sensitivity, @Nullable @Min(1) @Max(3600) Integer minSeconds) {
	}

	record RegionBody(@NotNull Double x, @NotNull Double y, @NotNull Double width, @NotNull Double height) {
	}

	/**
	 * A run of motion in the region: {@code start}/{@code end} wall clock, {@code offset_seconds}
	 * where it starts in the clip, {@code peak} its strongest cell (0–255).
	 */
	record Hit(UUID videoId, String filename, Instant start, Instant end, double offsetSeconds, int peak) {
	}

	record MotionSearchResult(List<Hit> hits, long scannedSeconds, int videosWithoutIndex, long elapsedMs, boolean truncated,
			int threshold) {
	}

}
