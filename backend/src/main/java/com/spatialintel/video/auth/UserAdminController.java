package com.spatialintel.video.auth;

import java.util.UUID;

import com.spatialintel.video.auth.UserApi.CreateUserRequest;
import com.spatialintel.video.auth.UserApi.MallAccessRequest;
import com.spatialintel.video.auth.UserApi.ResetPasswordRequest;
import com.spatialintel.video.auth.UserApi.UpdateUserRequest;
import com.spatialintel.video.auth.UserApi.UserKept;
import com.spatialintel.video.auth.UserApi.UserListResponse;
import com.spatialintel.video.auth.UserApi.UserResponse;
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
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/users")
@PreAuthorize("hasRole('ADMIN')")
class UserAdminController {

	private final UserService users;

	UserAdminController(UserService users) {
		this.users = users;
	}

	@GetMapping
	UserListResponse list() {
		return new UserListResponse(users.list());
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	UserResponse create(@AuthenticationPrincipal CurrentUser admin, @Valid @RequestBody CreateUserRequest request) {
		return users.create(admin, request);
	}

	/** A new role, or disabled/enabled; the last active admin can be neither demoted nor disabled (409). */
	@PatchMapping("/{user_id}")
	UserResponse update(@AuthenticationPrincipal CurrentUser admin, @PathVariable("user_id") UUID userId,
			@Valid @RequestBody UpdateUserRequest request) {
		return users.update(admin, userId, request);
	}

	/** Sets a new password; every token of the user stops working. */
	@PostMapping("/{user_id}/password")
	UserResponse resetPassword(@AuthenticationPrincipal CurrentUser admin, @PathVariable("user_id") UUID userId,
			@Valid @RequestBody ResetPasswordRequest request) {
		return users.resetPassword(admin, userId, request.newPassword());
	}

	/** 204 when the user is gone; 200 with the user, disabled, when they uploaded videos and are kept for the record. */
	@ApiResponse(responseCode = "204", description = "The user is deleted")
	@ApiResponse(responseCode = "200", description = "The user uploaded videos: kept for the record, and disabled",
			content = @Content(schema = @Schema(implementation = UserKept.class)))
	@DeleteMapping("/{user_id}")
	ResponseEntity<UserKept> delete(@AuthenticationPrincipal CurrentUser admin, @PathVariable("user_id") UUID userId) {
		return users.delete(admin, userId)
			.map(kept -> ResponseEntity.ok(new UserKept(kept,
					kept.email() + " uploaded videos, so the account is kept for the record and disabled instead of deleted.")))
			.orElseGet(() -> ResponseEntity.noContent().build());
	}

	@PutMapping("/{user_id}/malls")
	UserResponse replaceMallAccess(@AuthenticationPrincipal CurrentUser admin, @PathVariable("user_id") UUID userId,
			@Valid @RequestBody MallAccessRequest request) {
		return users.replaceMallAccess(admin, userId, request.mallIds());
	}

}
