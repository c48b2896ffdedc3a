package com.spatialintel.video.library;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import com.github.benmanes.caffeine.cache.Cache;

import com.spatialintel.video.video.Video;
import com.spatialintel.video.video.VideoAccess;

import org.springframework.stereotype.Component;

/**
 * The rows behind signed links, remembered for a few seconds: a player sends a request per seek,
 * and each would otherwise read the same row. Only videos found playable are remembered, so a video
 * plays as soon as it is processed; one deleted meanwhile answers 404 as soon as its objects are gone.
 */
@Component
class PlayableVideos {

	static final Duration LIFETIME = Duration.ofSeconds(5);

	private final Cache<UUID, Video> remembered;

	private final VideoAccess access;

	PlayableVideos(VideoAccess access, Clock clock) {
		this.access = access;
		this.remembered = ShortMemory.of(LIFETIME, clock);
	}

	/** The video when it exists, is not being deleted and passes {@code playable}. */
	Optional<Video> find(UUID videoId, Predicate<Video> playable) {
		Video known = remembered.getIfPresent(videoId);
		if (known != null && playable.test(known)) {
			return Optional.of(known);
		}
		Optional<Video> found = access.existing(videoId).filter(playable);
		found.ifPresentOrElse(video -> remembered.put(videoId, video), () -> remembered.invalidate(videoId));
		return found;
	}

}
