package com.spatialintel.video.auth;

import com.spatialintel.video.auth.UserApi.ChangePasswordRequest;
import com.spatialintel.video.auth.UserApi.LoginRequest;
import com.spatialintel.video.auth.UserApi.LoginResponse;
import com.spatialintel.video.auth.UserApi.UserResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.servlet.http.HttpServletRequest;
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

	@ApiResponse(responseCode = "200", description = "Signed in: send the token as 'Authorization: Bearer <token>'")
	@ApiResponse(responseCode = "401", description = "The e-mail or the password is wrong",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
	@ApiResponse(responseCode = "429", description = "Too many failed sign-ins; Retry-After says when to try again",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
	@SecurityRequirements
	@PostMapping("/api/auth/login")
	LoginResponse login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
		return users.login(request, http.getRemoteAddr());
	}

	/** The caller's own password, given the current one; the answer carries a new token (the old ones stop). */
	@PostMapping("/api/me/password")
	LoginResponse changePassword(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody ChangePasswordRequest request,
			HttpServletRequest http) {
		return users.changeOwnPassword(user, request.currentPassword(), request.newPassword(), http.getRemoteAddr());
	}

	@GetMapping("/api/me")
	UserResponse me(@AuthenticationPrincipal CurrentUser user) {
		return users.describe(user.id());
	}

}
