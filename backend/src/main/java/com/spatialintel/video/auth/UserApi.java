package com.spatialintel.video.auth;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.spatialintel.video.errors.PlainText;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Request and response bodies of the auth endpoints; JSON names are snake_case. */
final class UserApi {

	private UserApi() {
	}

	record LoginRequest(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 1024) String password) {
	}

	record LoginResponse(String token, Instant expiresAt, UserResponse user) {
	}

	record CreateUserRequest(@NotBlank @Email @Size(max = 254) @PlainText String email,
			@NotNull @Size(min = 8, max = 72) String password, @NotNull Role role,
			@Size(max = 1000) List<@NotNull UUID> mallIds) {
	}

	record MallAccessRequest(@NotNull @Size(max = 1000) List<@NotNull UUID> mallIds) {
	}

	record UserResponse(UUID id, String email, Role role, List<UUID> mallIds, Instant createdAt) {
	}

	record UserListResponse(List<UserResponse> users) {
	}

}
