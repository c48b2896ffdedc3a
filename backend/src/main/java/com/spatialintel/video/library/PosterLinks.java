package com.spatialintel.video.library;

import com.spatialintel.video.video.Video;

import org.springframework.stereotype.Component;

/** Signed links to videos' posters, for other modules that show clips (the timeline). */
@Component
public class PosterLinks {

	private final LinkSigner signer;

	PosterLinks(LinkSigner signer) {
		this.signer = signer;
	}

	/** A signed link to the video's poster; null until it has one. */
	public String posterUrl(Video video) {
		return video.hasPoster() ? signer.sign(video.id(), SignedResource.POSTER).url() : null;
	}

}
