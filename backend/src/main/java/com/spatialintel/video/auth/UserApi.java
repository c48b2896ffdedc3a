package com.spatialintel.video.auth;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.spatialintel.video.errors.PlainText;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.lang.Nullable;

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

	/** @param disabled an admin disabled the account: it cannot sign in and its tokens are refused */
	record UserResponse(UUID id, String email, Role role, List<UUID> mallIds, Instant createdAt, boolean disabled) {
	}

	/** {@code PATCH /api/users/{id}}: a new role, or disabled (true) or enabled (false); at least one. */
	record UpdateUserRequest(@Nullable Role role, @Nullable Boolean disabled) {
	}

	/** {@code POST /api/users/{id}/password}: an admin sets a new password. */
	record ResetPasswordRequest(@NotNull @Size(min = 8, max = 72) String newPassword) {
	}

	/** {@code POST /api/me/password}: the caller's own password, with the current one. */
	record ChangePasswordRequest(@NotNull @Size(max = 1024) String currentPassword,
			@NotNull @Size(min = 8, max = 72) String newPassword) {
	}

	/** The answer to a deletion that kept the account (the user uploaded videos) and disabled it instead. */
	record UserKept(UserResponse user, String detail) {
	}

	record UserListResponse(List<UserResponse> users) {
	}

}
