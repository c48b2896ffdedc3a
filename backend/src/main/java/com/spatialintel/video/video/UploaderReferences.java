package com.spatialintel.video.video;

import java.util.UUID;

import com.spatialintel.video.auth.AccountReferences;

import org.springframework.stereotype.Component;

/** A user who uploaded a video is named by it: the account is kept for the record (disabled, not deleted). */
@Component
class UploaderReferences implements AccountReferences {

	private final VideoRepository videos;

	UploaderReferences(VideoRepository videos) {
		this.videos = videos;
	}

	@Override
	public boolean isReferenced(UUID userId) {
		return videos.hasUploadsBy(userId);
	}

}
