package com.spatialintel.video.library;

import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

import com.spatialintel.video.auth.CurrentUser;
import com.spatialintel.video.processing.ProcessingJob;
import com.spatialintel.video.processing.ProcessingJobs;
import com.spatialintel.video.system.ConflictException;
import com.spatialintel.video.system.NotFoundException;
import com.spatialintel.video.video.Video;
import com.spatialintel.video.video.Videos;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Playing a video: a signed link for a signed-in user, then the proxy (and the poster) for whoever
 * holds the link, with no bearer token: the signature is the credential.
 */
@RestController
class StreamController {

	private final Videos videos;

	private final ProcessingJobs jobs;

	private final LinkSigner signer;

	private final RangeResponder responder;

	private final PlayableVideos playable;

	StreamController(Videos videos, ProcessingJobs jobs, LinkSigner signer, RangeResponder responder,
			PlayableVideos playable) {
		this.playable = playable;
		this.videos = videos;
		this.jobs = jobs;
		this.signer = signer;
		this.responder = responder;
	}

	@GetMapping("/api/videos/{video_id}/stream-url")
	SignedLink streamUrl(@AuthenticationPrincipal CurrentUser user, @PathVariable("video_id") UUID videoId) {
		Video video = videos.requireVisible(user, videoId);
		if (!video.hasProxy()) {
			throw new ConflictException(notPlayableYet(video));
		}
		return signer.sign(videoId, SignedResource.PROXY);
	}

	@ApiResponse(responseCode = "206", description = "The byte range asked for (Range: bytes=first-last)",
			content = @Content(mediaType = "video/mp4"))
	@ApiResponse(responseCode = "200", description = "The whole file", content = @Content(mediaType = "video/mp4"))
	@SignedFileAnswers
	@RequestMapping(path = "/api/videos/{video_id}/proxy", method = { RequestMethod.GET, RequestMethod.HEAD })
	void proxy(@PathVariable("video_id") UUID videoId, @RequestParam(required = false) String expires,
			@RequestParam(required = false) String signature, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		Instant expiresAt = signer.verify(videoId, SignedResource.PROXY, expires, signature);
		Video video = playable.find(videoId, Video::hasProxy)
			.orElseThrow(() -> new NotFoundException(
					"This video has no playable proxy any more: it was deleted or is being processed again."));
		responder.respond(request, response, video.proxyPath(), SignedResource.PROXY.contentType(), expiresAt);
	}

	@ApiResponse(responseCode = "206", description = "The byte range asked for (Range: bytes=first-last)",
			content = @Content(mediaType = "image/jpeg"))
	@ApiResponse(responseCode = "200", description = "The whole file", content = @Content(mediaType = "image/jpeg"))
	@SignedFileAnswers
	@RequestMapping(path = "/api/videos/{video_id}/poster", method = { RequestMethod.GET, RequestMethod.HEAD })
	void poster(@PathVariable("video_id") UUID videoId, @RequestParam(required = false) String expires,
			@RequestParam(required = false) String signature, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		Instant expiresAt = signer.verify(videoId, SignedResource.POSTER, expires, signature);
		Video video = playable.find(videoId, Video::hasPoster)
			.orElseThrow(() -> new NotFoundException(
					"This video has no poster any more: it was deleted or is being processed again."));
		responder.respond(request, response, video.posterPath(), SignedResource.POSTER.contentType(), expiresAt);
	}

	private String notPlayableYet(Video video) {
		switch (video.uploadStatus()) {
			case UPLOADING:
				return "This video is still being uploaded; it can be played once it has been uploaded and processed.";
			case FAILED:
				return "The upload of this video failed (" + video.processingError() + "); upload the file again.";
			default:
				break;
		}
		switch (video.processingStatus()) {
			case PENDING:
			case QUEUED:
				return "This video is waiting for its playable proxy to be made; try again in a few minutes.";
			case RUNNING:
				int progress = video.processingJobId() == null ? 0
						: jobs.find(video.processingJobId()).map(ProcessingJob::progress).orElse(0);
				return "This video's playable proxy is being made (" + progress + " % done); try again shortly.";
			case FAILED:
				return "This video could not be processed: " + video.processingError()
						+ " It can be processed again with POST /api/videos/" + video.id() + "/reprocess.";
			default:
				return "This video has no playable proxy.";
		}
	}

}
