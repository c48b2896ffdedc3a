package com.spatialintel.video.library;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

import com.spatialintel.video.auth.CurrentUser;
import com.spatialintel.video.errors.ConflictException;
import com.spatialintel.video.errors.NotFoundException;
import com.spatialintel.video.processing.ProcessingJob;
import com.spatialintel.video.processing.ProcessingJobs;
import com.spatialintel.video.processing.ProxyFormat;
import com.spatialintel.video.storage.ObjectStorage;
import com.spatialintel.video.video.Video;
import com.spatialintel.video.video.VideoAccess;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Playing a video: a signed link for a signed-in user, then the proxy (and the poster and the scrub
 * previews) for whoever holds the link, with no bearer token: the signature is the credential.
 */
@RestController
class StreamController {

	private final ProcessingJobs jobs;

	private final LinkSigner signer;

	private final RangeResponder responder;

	private final PlayableVideos playable;

	private final ObjectStorage storage;

	private final Clock clock;

	private final VideoAccess access;

	private final ApplicationEventPublisher events;

	StreamController(VideoAccess access, ProcessingJobs jobs, LinkSigner signer, RangeResponder responder,
			PlayableVideos playable, ObjectStorage storage, ApplicationEventPublisher events, Clock clock) {
		this.access = access;
		this.events = events;
		this.playable = playable;
		this.storage = storage;
		this.clock = clock;
		this.jobs = jobs;
		this.signer = signer;
		this.responder = responder;
	}

	/** A link to play the proxy and, when the video has scrub previews, one to their WebVTT file. */
	@GetMapping("/api/videos/{video_id}/stream-url")
	StreamLink streamUrl(@AuthenticationPrincipal CurrentUser user, @PathVariable("video_id") UUID videoId) {
		Video video = access.requireVisible(user, videoId);
		if (!video.hasProxy()) {
			throw new ConflictException(notPlayableYet(video));
		}
		SignedLink proxy = signer.sign(videoId, SignedResource.PROXY);
		String previews = video.hasPreviews() ? signer.sign(videoId, SignedResource.PREVIEWS).url() : null;
		events.publishEvent(new StreamLinkIssued(videoId, video.mallId(), video.pinId(), user.id(), proxy.expiresAt(),
				clock.instant()));
		return new StreamLink(proxy.url(), proxy.expiresAt(), previews, ProxyFormat.FRAMES_PER_SECOND);
	}

	/**
	 * {@code GET /api/videos/{id}/stream-url}: links that need no bearer token until {@code expires_at}.
	 * @param previewsUrl the scrub previews' WebVTT file; null when the video has none
	 * @param frameRate the proxy's frames per second: a step of one frame is its inverse
	 */
	record StreamLink(String url, Instant expiresAt, @Nullable String previewsUrl, int frameRate) {
	}

	@ApiResponse(responseCode = "200", description = "The cues, each naming its tile of the sprite sheet by a signed link",
			content = @Content(mediaType = "text/vtt"))
	@SignedFileAnswers
	@GetMapping("/api/videos/{video_id}/previews.vtt")
	ResponseEntity<String> previews(@PathVariable("video_id") UUID videoId,
			@RequestParam(required = false) String expires, @RequestParam(required = false) String signature)
			throws IOException {
		Instant expiresAt = signer.verify(videoId, SignedResource.PREVIEWS, expires, signature);
		Video video = playable.find(videoId, Video::hasPreviews).orElseThrow(StreamController::noPreviews);
		String stored;
		try (InputStream in = storage.download(video.previewsPath()).orElseThrow(StreamController::noPreviews)) {
			stored = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		String image = signer.sign(videoId, SignedResource.PREVIEWS_IMAGE).url();
		return ResponseEntity.ok()
			.contentType(SignedResource.PREVIEWS.contentType())
			.header(HttpHeaders.CACHE_CONTROL, RangeResponder.cacheControl(clock, expiresAt))
			.body(PreviewCues.withSignedImage(stored, image));
	}

	@ApiResponse(responseCode = "206", description = "The byte range asked for (Range: bytes=first-last)",
			content = @Content(mediaType = "image/jpeg"))
	@ApiResponse(responseCode = "200", description = "The sprite sheet", content = @Content(mediaType = "image/jpeg"))
	@SignedFileAnswers
	@RequestMapping(path = "/api/videos/{video_id}/previews.jpg", method = { RequestMethod.GET, RequestMethod.HEAD })
	void previewsImage(@PathVariable("video_id") UUID videoId, @RequestParam(required = false) String expires,
			@RequestParam(required = false) String signature, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		serve(videoId, SignedResource.PREVIEWS_IMAGE, Video::hasPreviews, video -> video.files().previewsImage(), NO_PREVIEWS, expires,
				signature, request, response);
	}

	private static final String NO_PREVIEWS =
			"This video has no scrub previews any more: it was deleted or is being processed again.";

	private static NotFoundException noPreviews() {
		return new NotFoundException(NO_PREVIEWS);
	}

	@ApiResponse(responseCode = "206", description = "The byte range asked for (Range: bytes=first-last)",
			content = @Content(mediaType = "video/mp4"))
	@ApiResponse(responseCode = "200", description = "The whole file", content = @Content(mediaType = "video/mp4"))
	@SignedFileAnswers
	@RequestMapping(path = "/api/videos/{video_id}/proxy", method = { RequestMethod.GET, RequestMethod.HEAD })
	void proxy(@PathVariable("video_id") UUID videoId, @RequestParam(required = false) String expires,
			@RequestParam(required = false) String signature, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		serve(videoId, SignedResource.PROXY, Video::hasProxy, Video::proxyPath,
				"This video has no playable proxy any more: it was deleted or is being processed again.", expires, signature,
				request, response);
	}

	@ApiResponse(responseCode = "206", description = "The byte range asked for (Range: bytes=first-last)",
			content = @Content(mediaType = "image/jpeg"))
	@ApiResponse(responseCode = "200", description = "The whole file", content = @Content(mediaType = "image/jpeg"))
	@SignedFileAnswers
	@RequestMapping(path = "/api/videos/{video_id}/poster", method = { RequestMethod.GET, RequestMethod.HEAD })
	void poster(@PathVariable("video_id") UUID videoId, @RequestParam(required = false) String expires,
			@RequestParam(required = false) String signature, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		serve(videoId, SignedResource.POSTER, Video::hasPoster, Video::posterPath,
				"This video has no poster any more: it was deleted or is being processed again.", expires, signature,
				request, response);
	}

	/** A signed file of a video, with Range: the signature checked first, then whether the video still has it. */
	private void serve(UUID videoId, SignedResource resource, Predicate<Video> has, Function<Video, String> key,
			String gone, String expires, String signature, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		Instant expiresAt = signer.verify(videoId, resource, expires, signature);
		Video video = playable.find(videoId, has).orElseThrow(() -> new NotFoundException(gone));
		responder.respond(request, response, key.apply(video), resource.contentType(), expiresAt);
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
