package com.spatialintel.video.retention;

import java.util.UUID;

import com.spatialintel.video.auth.CurrentUser;
import com.spatialintel.video.mall.Malls;
import com.spatialintel.video.retention.RetentionApi.HeldVideo;
import com.spatialintel.video.retention.RetentionApi.HoldList;
import com.spatialintel.video.retention.RetentionApi.HoldResponse;
import com.spatialintel.video.retention.RetentionApi.PlaceHoldRequest;
import com.spatialintel.video.retention.RetentionApi.PreviewVideo;
import com.spatialintel.video.retention.RetentionApi.RetentionPreview;
import com.spatialintel.video.retention.RetentionApi.RetentionRequest;
import com.spatialintel.video.retention.RetentionApi.RetentionSetting;
import com.spatialintel.video.video.VideoAccess;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Retention per mall and its dry run, legal holds: for admins; a video's holds for whoever may see it. */
@RestController
class RetentionController {

	private final LegalHoldRepository repository;

	private final RetentionPlan plans;

	private final LegalHolds holds;

	private final Malls malls;

	private final VideoAccess access;

	RetentionController(LegalHoldRepository repository, RetentionPlan plans, LegalHolds holds, Malls malls,
			VideoAccess access) {
		this.repository = repository;
		this.plans = plans;
		this.holds = holds;
		this.malls = malls;
		this.access = access;
	}

	@GetMapping("/api/admin/retention/malls/{mall_id}")
	@PreAuthorize("hasRole('ADMIN')")
	RetentionSetting setting(@AuthenticationPrincipal CurrentUser admin, @PathVariable("mall_id") UUID mallId) {
		malls.requireVisibleMall(admin, mallId);
		return new RetentionSetting(mallId, repository.retentionDays(mallId).orElse(null));
	}

	/** Off unless set; 1 to 3,650 days; null turns it off. */
	@PutMapping("/api/admin/retention/malls/{mall_id}")
	@PreAuthorize("hasRole('ADMIN')")
	RetentionSetting setRetention(@AuthenticationPrincipal CurrentUser admin, @PathVariable("mall_id") UUID mallId,
			@Valid @RequestBody RetentionRequest request) {
		malls.requireVisibleMall(admin, mallId);
		repository.setRetentionDays(mallId, request.retentionDays());
		return new RetentionSetting(mallId, request.retentionDays());
	}

	/** Exactly what the next run would delete in the mall (the run asks the same code), and what holds keep. */
	@GetMapping("/api/admin/retention/preview")
	@PreAuthorize("hasRole('ADMIN')")
	RetentionPreview preview(@AuthenticationPrincipal CurrentUser admin, @RequestParam("mall_id") UUID mallId) {
		malls.requireVisibleMall(admin, mallId);
		RetentionPlan.Plan plan = plans.of(mallId);
		return new RetentionPreview(mallId, plan.retentionDays(), plan.cutoff(), plan.deletions().size(), plan.bytes(),
				plan.deletions().stream().map(video -> new PreviewVideo(video.id(), video.pinId(), video.filename(),
						video.recordedAt(), video.uploadedAt(), video.fileSizeBytes(), video.checksumSha256())).toList(),
				plan.held().size(), plan.held().stream().map(held -> new HeldVideo(held.video().id(),
						held.video().filename(), held.holdId(), held.reason())).toList());
	}

	@PostMapping("/api/admin/holds")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasRole('ADMIN')")
	HoldResponse place(@AuthenticationPrincipal CurrentUser admin, @Valid @RequestBody PlaceHoldRequest request) {
		return HoldResponse.of(holds.place(admin, request.videoId(), request.pinId(), request.from(), request.to(),
				request.reason(), request.reviewOn()));
	}

	/** Lifts the hold (kept for the record, with who lifted it and when); lifting twice answers the same. */
	@DeleteMapping("/api/admin/holds/{hold_id}")
	@PreAuthorize("hasRole('ADMIN')")
	HoldResponse lift(@AuthenticationPrincipal CurrentUser admin, @PathVariable("hold_id") UUID holdId) {
		return HoldResponse.of(holds.lift(admin, holdId));
	}

	@GetMapping("/api/admin/holds")
	@PreAuthorize("hasRole('ADMIN')")
	HoldList ofMall(@AuthenticationPrincipal CurrentUser admin, @RequestParam("mall_id") UUID mallId) {
		malls.requireVisibleMall(admin, mallId);
		return new HoldList(holds.ofMall(mallId).stream().map(HoldResponse::of).toList());
	}

	/** The active holds that keep this video, for whoever may see it. */
	@GetMapping("/api/videos/{video_id}/holds")
	HoldList ofVideo(@AuthenticationPrincipal CurrentUser user, @PathVariable("video_id") UUID videoId) {
		return new HoldList(holds.holding(access.requireVisible(user, videoId)).stream().map(HoldResponse::of).toList());
	}

}
