package com.spatialintel.video.video;

import java.util.Optional;
import java.util.UUID;

import com.spatialintel.video.auth.CurrentUser;
import com.spatialintel.video.auth.MallAccess;
import com.spatialintel.video.errors.NotFoundException;

import org.springframework.stereotype.Service;

/**
 * The one answer to "may this caller see this video?": it exists, it is not being deleted (a video
 * being deleted no longer exists for anyone), and the caller may see its mall. A video the caller
 * may not see reads exactly like one that does not exist.
 */
@Service
public class VideoAccess {

	private final VideoRepository videos;

	private final MallAccess malls;

	VideoAccess(VideoRepository videos, MallAccess malls) {
		this.videos = videos;
		this.malls = malls;
	}

	/** The video, for a request that names it; otherwise 404 "Video … was not found.". */
	public Video requireVisible(CurrentUser user, UUID videoId) {
		return visible(user, videoId, "Video", videoId).orElseThrow(() -> new NotFoundException("Video", videoId));
	}

	/**
	 * The video, for a request that reached it through something else of it, such as its job.
	 * @param resource what the request named ({@code Job}), and {@code resourceId} its id
	 */
	public Optional<Video> visible(CurrentUser user, UUID videoId, String resource, UUID resourceId) {
		return existing(videoId).filter(video -> malls.maySee(user, video.mallId(), resource, resourceId));
	}

	/**
	 * The video, when it exists and is not being deleted: for a request whose right to it was
	 * checked otherwise (a signed link, or its pin checked just before).
	 */
	public Optional<Video> existing(UUID videoId) {
		return videos.find(videoId).filter(video -> !video.deletionRequested());
	}

	/**
	 * The video, when it is in this pin of this mall; otherwise 404 naming {@code resource}
	 * ({@code Upload}). The caller has checked that the user may see the pin.
	 */
	public Video requireInPin(UUID mallId, UUID pinId, UUID videoId, String resource) {
		return existing(videoId).filter(video -> video.mallId().equals(mallId) && video.pinId().equals(pinId))
			.orElseThrow(() -> new NotFoundException(resource, videoId));
	}

}
