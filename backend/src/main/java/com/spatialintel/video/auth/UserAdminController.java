package com.spatialintel.video.auth;

import java.util.UUID;

import com.spatialintel.video.auth.UserApi.CreateUserRequest;
import com.spatialintel.video.auth.UserApi.MallAccessRequest;
import com.spatialintel.video.auth.UserApi.UserListResponse;
import com.spatialintel.video.auth.UserApi.UserResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
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

	@PutMapping("/{user_id}/malls")
	UserResponse replaceMallAccess(@AuthenticationPrincipal CurrentUser admin, @PathVariable("user_id") UUID userId,
			@Valid @RequestBody MallAccessRequest request) {
		return users.replaceMallAccess(admin, userId, request.mallIds());
	}

}
