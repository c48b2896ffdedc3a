package com.spatialintel.video.upload;

import java.util.UUID;

import com.spatialintel.video.auth.CurrentUser;
import com.spatialintel.video.upload.UploadApi.AlreadyUploaded;
import com.spatialintel.video.upload.UploadApi.CompleteRequest;
import com.spatialintel.video.upload.UploadApi.Completed;
import com.spatialintel.video.upload.UploadApi.InitiateRequest;
import com.spatialintel.video.upload.UploadApi.SignPartsRequest;
import com.spatialintel.video.upload.UploadApi.SignedParts;
import com.spatialintel.video.upload.UploadApi.StorageCheck;
import com.spatialintel.video.upload.UploadApi.StoredParts;
import com.spatialintel.video.upload.UploadApi.UploadStarted;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/malls/{mall_id}/pins/{pin_id}/uploads")
@PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
class UploadController {

	private final UploadService uploads;

	private final UploadCompletion completion;

	UploadController(UploadService uploads, UploadCompletion completion) {
		this.uploads = uploads;
		this.completion = completion;
	}

	/** 201 for a new upload; 200 for a resumed one or a file the pin already has ({@code duplicate: true}). */
	@PostMapping("/initiate")
	@ApiResponse(responseCode = "201", description = "A new upload: send its parts to the presigned URLs",
			content = @Content(schema = @Schema(implementation = UploadStarted.class)))
	@ApiResponse(responseCode = "200",
			description = "An unfinished upload of the same file, resumed, or the file the pin already has (duplicate: true)",
			content = @Content(schema = @Schema(oneOf = { UploadStarted.class, AlreadyUploaded.class })))
	ResponseEntity<Object> initiate(@AuthenticationPrincipal CurrentUser user, @PathVariable("mall_id") UUID mallId,
			@PathVariable("pin_id") UUID pinId, @Valid @RequestBody InitiateRequest request) {
		UploadService.Initiated initiated = uploads.initiate(user, mallId, pinId, request);
		if (initiated instanceof UploadService.NewOrResumed started) {
			return ResponseEntity.status(started.body().resumed() ? HttpStatus.OK : HttpStatus.CREATED)
				.body(started.body());
		}
		return ResponseEntity.ok(((UploadService.Duplicate) initiated).body());
	}

	/** Before the first part of an upload: a link the page PUTs an empty body to, to learn whether the storage lets it upload from its address. */
	@GetMapping("/storage-check")
	StorageCheck storageCheck(@AuthenticationPrincipal CurrentUser user, @PathVariable("mall_id") UUID mallId,
			@PathVariable("pin_id") UUID pinId) {
		return uploads.storageCheck(user, mallId, pinId);
	}

	@PostMapping("/{video_id}/parts")
	SignedParts signParts(@AuthenticationPrincipal CurrentUser user, @PathVariable("mall_id") UUID mallId,
			@PathVariable("pin_id") UUID pinId, @PathVariable("video_id") UUID videoId,
			@Valid @RequestBody SignPartsRequest request) {
		return uploads.signParts(user, mallId, pinId, videoId, request.partNumbers());
	}

	@GetMapping("/{video_id}/parts")
	StoredParts storedParts(@AuthenticationPrincipal CurrentUser user, @PathVariable("mall_id") UUID mallId,
			@PathVariable("pin_id") UUID pinId, @PathVariable("video_id") UUID videoId) {
		return uploads.storedParts(user, mallId, pinId, videoId);
	}

	@PostMapping("/{video_id}/complete")
	Completed complete(@AuthenticationPrincipal CurrentUser user, @PathVariable("mall_id") UUID mallId,
			@PathVariable("pin_id") UUID pinId, @PathVariable("video_id") UUID videoId,
			@Valid @RequestBody(required = false) CompleteRequest request) {
		return completion.complete(user, mallId, pinId, videoId, request);
	}

	@DeleteMapping("/{video_id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void abort(@AuthenticationPrincipal CurrentUser user, @PathVariable("mall_id") UUID mallId,
			@PathVariable("pin_id") UUID pinId, @PathVariable("video_id") UUID videoId) {
		completion.abort(user, mallId, pinId, videoId);
	}

}
