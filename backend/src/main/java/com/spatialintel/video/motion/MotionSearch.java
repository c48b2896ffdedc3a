package com.spatialintel.video.motion;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.spatialintel.video.errors.InvalidRequestException;
import com.spatialintel.video.motion.MotionApi.Hit;
import com.spatialintel.video.motion.MotionApi.MotionSearchRequest;
import com.spatialintel.video.motion.MotionApi.MotionSearchResult;
import com.spatialintel.video.motion.MotionApi.PinActivity;
import com.spatialintel.video.motion.MotionApi.RegionBody;
import com.spatialintel.video.video.Video;
import com.spatialintel.video.video.Videos;

import org.springframework.stereotype.Service;

/**
 * The activity of a pin's window and the search for motion in regions of its frames, read from the
 * clips' motion indexes (from memory, else S3): nothing is decoded. Windows of up to 31 days.
 */
@Service
class MotionSearch {

	static final Duration LONGEST = Duration.ofDays(31);

	static final int MAX_HITS = 1_000;

	static final int MAX_REGIONS = 8;

	static final int MAX_BUCKETS = 2_000;

	/** The most clips one window reads. */
	static final int MAX_CLIPS = 100_000;

	private final Videos videos;

	private final MotionIndexes indexes;

	MotionSearch(Videos videos, MotionIndexes indexes) {
		this.videos = videos;
		this.indexes = indexes;
	}

	static void requireWindow(Instant from, Instant to) {
		if (!to.isAfter(from)) {
			throw new InvalidRequestException("to (" + to + ") must be after from (" + from + ").");
		}
		if (Duration.between(from, to).compareTo(LONGEST) > 0) {
			throw new InvalidRequestException("A window covers at most 31 days; from " + from + " to " + to + " is longer.");
		}
	}

	/** The regions as cells; 400 with a sentence for a region outside the frame, of no area, or more than 8. */
	static boolean[] mask(List<RegionBody> regions) {
		if (regions.isEmpty() || regions.size() > MAX_REGIONS) {
			throw new InvalidRequestException("Give 1 to " + MAX_REGIONS + " regions, not " + regions.size() + ".");
		}
		List<Region> checked = new ArrayList<>();
		for (int i = 0; i < regions.size(); i++) {
			RegionBody body = regions.get(i);
			String which = "Region " + (i + 1);
			if (!(body.x() >= 0 && body.y() >= 0 && body.x() <= 1 && body.y() <= 1)) {
				throw new InvalidRequestException(which + " starts outside the frame: x and y are 0 to 1 (the top left corner is 0, 0).");
			}
			if (!(body.width() > 0 && body.height() > 0)) {
				throw new InvalidRequestException(which + " has no area: width and height must be more than 0.");
			}
			if (body.x() + body.width() > 1 + 1e-9 || body.y() + body.height() > 1 + 1e-9) {
				throw new InvalidRequestException(which + " reaches outside the frame: x + width and y + height must be at most 1.");
			}
			checked.add(new Region(body.x(), body.y(), body.width(), body.height()));
		}
		return Region.mask(checked);
	}

	MotionSearchResult search(MotionSearchRequest request, java.util.UUID pinId) {
		long started = System.nanoTime();
		requireWindow(request.from(), request.to());
		boolean[] mask = mask(request.regions());
		int sensitivity = request.sensitivity() == null ? Sensitivity.DEFAULT : request.sensitivity();
		int threshold = Sensitivity.threshold(sensitivity);
		int minSeconds = request.minSeconds() == null ? 1 : request.minSeconds();
		List<Video> clips = videos.recordedBetween(pinId, request.from(), request.to(), MAX_CLIPS);
		java.util.Map<java.util.UUID, MotionIndex> found = indexes.findAll(clips);
		List<Hit> hits = new ArrayList<>();
		long scanned = 0;
		int without = 0;
		for (Video clip : clips) {
			MotionIndex index = found.get(clip.id());
			if (index == null) {
				without++;
				continue;
			}
			int first = (int) Math.max(0, Math.floor(seconds(clip.recordedAt(), request.from())));
			int last = (int) Math.min(index.seconds(), Math.ceil(seconds(clip.recordedAt(), request.to())));
			scanned += Math.max(0, last - first);
			for (MotionHits.Run run : MotionHits.find(index, mask, threshold, minSeconds, first, last)) {
				hits.add(new Hit(clip.id(), clip.filename(), at(clip, run.start()), at(clip, run.end()), run.start(), run.peak()));
			}
		}
		hits.sort(Comparator.comparing(Hit::start).thenComparing(hit -> hit.videoId().toString()));
		boolean truncated = hits.size() > MAX_HITS;
		return new MotionSearchResult(truncated ? List.copyOf(hits.subList(0, MAX_HITS)) : hits, scanned, without,
				(System.nanoTime() - started) / 1_000_000, truncated, threshold);
	}

	PinActivity activity(java.util.UUID pinId, Instant from, Instant to, int buckets) {
		requireWindow(from, to);
		if (buckets < 1 || buckets > MAX_BUCKETS) {
			throw new InvalidRequestException("buckets must be 1 to " + MAX_BUCKETS + ", not " + buckets + ".");
		}
		double width = seconds(from, to) / buckets;
		Integer[] strongest = new Integer[buckets];
		List<Video> clips = videos.recordedBetween(pinId, from, to, MAX_CLIPS);
		java.util.Map<java.util.UUID, MotionIndex> found = indexes.findAll(clips);
		int without = 0;
		for (Video clip : clips) {
			MotionIndex index = found.get(clip.id());
			if (index == null) {
				without++;
				continue;
			}
			double offset = seconds(from, clip.recordedAt());
			int first = (int) Math.max(0, Math.floor(-offset));
			int last = (int) Math.min(index.seconds(), Math.ceil(seconds(clip.recordedAt(), to)));
			for (int second = first; second < last; second++) {
				int bucket = (int) Math.floor((offset + second) / width);
				if (bucket < 0 || bucket >= buckets) {
					continue;
				}
				int value = index.activity(second);
				if (strongest[bucket] == null || strongest[bucket] < value) {
					strongest[bucket] = value;
				}
			}
		}
		return new PinActivity(from, to, buckets, width, java.util.Arrays.asList(strongest), without);
	}

	private static Instant at(Video clip, int second) {
		return clip.recordedAt().plusSeconds(second);
	}

	private static double seconds(Instant from, Instant to) {
		return Duration.between(from, to).toNanos() / 1e9;
	}

}
