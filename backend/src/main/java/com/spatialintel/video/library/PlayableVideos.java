package com.spatialintel.video.library;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import com.spatialintel.video.video.Video;
import com.spatialintel.video.video.Videos;

import org.springframework.stereotype.Component;

/**
 * The rows behind signed links, remembered for a few seconds: a player sends a request per seek,
 * and each would otherwise read the same row. Only videos found playable are remembered, so a video
 * plays as soon as it is processed; one deleted meanwhile answers 404 as soon as its objects are gone.
 */
@Component
class PlayableVideos {

	static final Duration LIFETIME = Duration.ofSeconds(5);

	private static final int MAX_REMEMBERED = 10_000;

	private final Map<UUID, Remembered> remembered = new ConcurrentHashMap<>();

	private final Videos videos;

	private final Clock clock;

	PlayableVideos(Videos videos, Clock clock) {
		this.videos = videos;
		this.clock = clock;
	}

	/** The video when it exists, is not being deleted and passes {@code playable}. */
	Optional<Video> find(UUID videoId, Predicate<Video> playable) {
		Instant now = clock.instant();
		Remembered known = remembered.get(videoId);
		if (known != null && known.at().plus(LIFETIME).isAfter(now) && playable.test(known.video())) {
			return Optional.of(known.video());
		}
		Optional<Video> found = videos.find(videoId).filter(video -> !video.deletionRequested() && playable.test(video));
		if (found.isPresent()) {
			if (remembered.size() >= MAX_REMEMBERED) {
				remembered.clear();
			}
			remembered.put(videoId, new Remembered(found.get(), now));
		}
		else {
			remembered.remove(videoId);
		}
		return found;
	}

	private record Remembered(Video video, Instant at) {
	}

}
