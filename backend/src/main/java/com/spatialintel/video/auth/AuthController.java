package com.spatialintel.video.auth;

import com.spatialintel.video.auth.UserApi.LoginRequest;
import com.spatialintel.video.auth.UserApi.LoginResponse;
import com.spatialintel.video.auth.UserApi.UserResponse;
import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AuthController {

	private final UserService users;

	AuthController(UserService users) {
		this.users = users;
	}

	@PostMapping("/api/auth/login")
	LoginResponse login(@Valid @RequestBody LoginRequest request) {
		return users.login(request);
	}

	@GetMapping("/api/me")
	UserResponse me(@AuthenticationPrincipal CurrentUser user) {
		return users.describe(user.id());
	}

}
