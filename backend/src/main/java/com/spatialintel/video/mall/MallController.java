package com.spatialintel.video.mall;

import java.util.UUID;

import com.spatialintel.video.auth.CurrentUser;
import com.spatialintel.video.mall.MallApi.CreateMallRequest;
import com.spatialintel.video.mall.MallApi.CreatePinRequest;
import com.spatialintel.video.mall.MallApi.MallListResponse;
import com.spatialintel.video.mall.MallApi.MallResponse;
import com.spatialintel.video.mall.MallApi.PinListResponse;
import com.spatialintel.video.mall.MallApi.PinResponse;
import com.spatialintel.video.mall.MallApi.UpdateMallRequest;
import com.spatialintel.video.mall.MallApi.UpdatePinRequest;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/malls")
class MallController {

	private final MallService malls;

	MallController(MallService malls) {
		this.malls = malls;
	}

	@GetMapping
	MallListResponse list(@AuthenticationPrincipal CurrentUser user) {
		return new MallListResponse(malls.visibleMalls(user));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasRole('ADMIN')")
	MallResponse create(@AuthenticationPrincipal CurrentUser admin, @Valid @RequestBody CreateMallRequest request) {
		return malls.createMall(admin, request.name(), request.timeZone());
	}

	/** An admin renames a mall or changes its time zone (the UI's days and times of its footage follow). */
	@PatchMapping("/{mall_id}")
	@PreAuthorize("hasRole('ADMIN')")
	MallResponse update(@AuthenticationPrincipal CurrentUser admin, @PathVariable("mall_id") UUID mallId,
			@Valid @RequestBody UpdateMallRequest request) {
		return malls.updateMall(admin, mallId, request.name(), request.timeZone());
	}

	/** A mall with no footage goes with its pins and grants; one with footage is 409. */
	@DeleteMapping("/{mall_id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize("hasRole('ADMIN')")
	void delete(@AuthenticationPrincipal CurrentUser admin, @PathVariable("mall_id") UUID mallId) {
		malls.deleteMall(admin, mallId);
	}

	@PatchMapping("/{mall_id}/pins/{pin_id}")
	@PreAuthorize("hasRole('ADMIN')")
	PinResponse renamePin(@AuthenticationPrincipal CurrentUser admin, @PathVariable("mall_id") UUID mallId,
			@PathVariable("pin_id") UUID pinId, @Valid @RequestBody UpdatePinRequest request) {
		return malls.renamePin(admin, mallId, pinId, request.name());
	}

	/** A pin with no footage goes; one with footage is 409. */
	@DeleteMapping("/{mall_id}/pins/{pin_id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize("hasRole('ADMIN')")
	void deletePin(@AuthenticationPrincipal CurrentUser admin, @PathVariable("mall_id") UUID mallId,
			@PathVariable("pin_id") UUID pinId) {
		malls.deletePin(admin, mallId, pinId);
	}

	@GetMapping("/{mall_id}/pins")
	PinListResponse pins(@AuthenticationPrincipal CurrentUser user, @PathVariable("mall_id") UUID mallId) {
		return new PinListResponse(malls.visiblePins(user, mallId));
	}

	@PostMapping("/{mall_id}/pins")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasRole('ADMIN')")
	PinResponse createPin(@AuthenticationPrincipal CurrentUser user, @PathVariable("mall_id") UUID mallId,
			@Valid @RequestBody CreatePinRequest request) {
		return malls.createPin(user, mallId, request.name());
	}

}
