package com.spatialintel.video.video;

import java.util.UUID;

import com.spatialintel.video.auth.CurrentUser;
import com.spatialintel.video.mall.Malls;
import com.spatialintel.video.mall.PinRef;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class VideoController {

	private final Videos videos;

	private final Malls malls;

	VideoController(Videos videos, Malls malls) {
		this.videos = videos;
		this.malls = malls;
	}

	@GetMapping("/api/videos/{video_id}")
	VideoDetails details(@AuthenticationPrincipal CurrentUser user, @PathVariable("video_id") UUID videoId) {
		Video video = videos.requireVisible(user, videoId);
		PinRef pin = malls.findPin(video.pinId()).orElseThrow();
		return VideoDetails.of(video, pin);
	}

}
