package com.spatialintel.video.video;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.spatialintel.video.auth.CurrentUser;
import com.spatialintel.video.auth.UserDirectory;
import com.spatialintel.video.mall.Malls;
import com.spatialintel.video.mall.PinRef;

import org.springframework.lang.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class VideoController {

	private final VideoAccess access;

	private final Malls malls;

	private final UserDirectory users;

	VideoController(VideoAccess access, Malls malls, UserDirectory users) {
		this.access = access;
		this.malls = malls;
		this.users = users;
	}

	@GetMapping("/api/videos/{video_id}")
	VideoView details(@AuthenticationPrincipal CurrentUser user, @PathVariable("video_id") UUID videoId) {
		Video video = access.requireVisible(user, videoId);
		PinRef pin = malls.findPin(video.pinId()).orElseThrow();
		return new VideoView(VideoDetails.of(video, pin), users.emailOf(video.uploadedByUserId()).orElse(null));
	}

	/**
	 * {@code GET /api/videos/{id}}: the details and who uploaded the video.
	 * @param uploadedByEmail null when the uploader's account was deleted since
	 */
	record VideoView(@JsonUnwrapped VideoDetails details, @Nullable String uploadedByEmail) {
	}

}
