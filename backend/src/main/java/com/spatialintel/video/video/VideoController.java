package com.spatialintel.video.video;

import java.time.Instant;
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

	/** {@code GET /api/videos/{id}}: the row, with the names of its mall and pin. */
	record VideoDetails(UUID id, UUID mallId, String mallName, UUID pinId, String pinName, String filename,
			long fileSizeBytes, Double durationSeconds, String checksumSha256, Instant recordedAt, String operatorNotes,
			UUID uploadedByUserId, Integer width, Integer height, Double fps, String codec, UploadStatus uploadStatus,
			ProcessingStatus processingStatus, UUID processingJobId, String processingError, Instant uploadedAt,
			Instant processingStartedAt, Instant processingCompletedAt, Instant createdAt, Instant updatedAt,
			boolean hasProxy) {

		static VideoDetails of(Video video, PinRef pin) {
			VideoMetadata metadata = video.metadata();
			return new VideoDetails(video.id(), video.mallId(), pin.mallName(), video.pinId(), pin.pinName(),
					video.filename(), video.fileSizeBytes(), metadata.durationSeconds(), video.checksumSha256(),
					video.recordedAt(), video.operatorNotes(), video.uploadedByUserId(), metadata.width(),
					metadata.height(), metadata.fps(), metadata.codec(), video.uploadStatus(), video.processingStatus(),
					video.processingJobId(), video.processingError(), video.uploadedAt(), video.processingStartedAt(),
					video.processingCompletedAt(), video.createdAt(), video.updatedAt(), video.hasProxy());
		}

	}

}
