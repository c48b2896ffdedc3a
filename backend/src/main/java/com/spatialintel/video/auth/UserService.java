package com.spatialintel.video.auth;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import com.spatialintel.video.auth.UserApi.CreateUserRequest;
import com.spatialintel.video.auth.UserApi.LoginRequest;
import com.spatialintel.video.auth.UserApi.LoginResponse;
import com.spatialintel.video.auth.UserApi.UpdateUserRequest;
import com.spatialintel.video.auth.UserApi.UserResponse;
import com.spatialintel.video.errors.ConflictException;
import com.spatialintel.video.errors.InvalidRequestException;
import com.spatialintel.video.errors.NotFoundException;
import com.spatialintel.video.errors.TooManyRequestsException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class UserService {

	/** BCrypt reads at most 72 bytes; a longer password would be silently truncated. */
	private static final int BCRYPT_MAX_BYTES = 72;

	private final UserRepository users;

	private final MallCatalog malls;

	private final PasswordEncoder passwords;

	private final LoginTokens tokens;

	private final LoginAttemptLimiter limiter;

	private final ApplicationEventPublisher events;

	private final AccountReferences references;

	private final Clock clock;

	/** Checked against when the e-mail is unknown, so both failures take the same time. */
	private final String decoyHash;

	UserService(UserRepository users, MallCatalog malls, PasswordEncoder passwords, LoginTokens tokens,
			LoginAttemptLimiter limiter, ApplicationEventPublisher events, AccountReferences references, Clock clock) {
		this.users = users;
		this.malls = malls;
		this.passwords = passwords;
		this.tokens = tokens;
		this.limiter = limiter;
		this.events = events;
		this.references = references;
		this.clock = clock;
		this.decoyHash = passwords.encode(UUID.randomUUID().toString());
	}

	/** @param client the caller's address (the proxy's X-Forwarded-For behind a trusted proxy) */
	LoginResponse login(LoginRequest request, String client) {
		String email = normalise(request.email());
		try {
			limiter.checkAllowed(email, client);
		}
		catch (TooManyRequestsException refused) {
			events.publishEvent(new SignInRefused(email, client, SignInRefused.Reason.TOO_MANY_ATTEMPTS, clock.instant()));
			throw refused;
		}
		boolean passwordFits = request.password().getBytes(StandardCharsets.UTF_8).length <= BCRYPT_MAX_BYTES;
		UserAccount user = users.findByEmail(email).orElse(null);
		boolean matches = passwords.matches(passwordFits ? request.password() : "", user == null ? decoyHash : user.passwordHash());
		if (user == null || !passwordFits || !matches) {
			limiter.recordFailure(email, client);
			events.publishEvent(new SignInRefused(email, client, SignInRefused.Reason.WRONG_CREDENTIALS, clock.instant()));
			throw new AuthenticationFailedException();
		}
		if (user.disabled()) {
			events.publishEvent(new SignInRefused(email, client, SignInRefused.Reason.ACCOUNT_DISABLED, clock.instant()));
			throw new AuthenticationFailedException(CurrentUserConverter.DISABLED);
		}
		limiter.recordSuccess(email);
		LoginTokens.IssuedToken token = tokens.issue(user);
		events.publishEvent(new SignedIn(user.id(), user.email(), user.role(), client, clock.instant()));
		return new LoginResponse(token.token(), token.expiresAt(), describe(user));
	}

	@Transactional
	UserResponse create(CurrentUser admin, CreateUserRequest request) {
		requireBcryptLength(request.password());
		List<UUID> mallIds = request.mallIds() == null ? List.of() : request.mallIds();
		requireKnownMalls(mallIds);
		UserAccount user = new UserAccount(UUID.randomUUID(), normalise(request.email()),
				passwords.encode(request.password()), request.role(), clock.instant());
		try {
			users.insert(user);
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("A user with the e-mail address %s already exists.".formatted(user.email()));
		}
		users.replaceGrants(user.id(), mallIds, clock.instant());
		return changed(user, UserChanged.Change.CREATED, admin.id());
	}

	@Transactional
	UserResponse replaceMallAccess(CurrentUser admin, UUID userId, List<UUID> mallIds) {
		UserAccount user = users.findById(userId).orElseThrow(() -> new NotFoundException("User", userId));
		requireKnownMalls(mallIds);
		users.replaceGrants(userId, mallIds, clock.instant());
		return changed(user, UserChanged.Change.MALL_ACCESS_REPLACED, admin.id());
	}

	/**
	 * A new role, or the account disabled or enabled. The last active admin can be neither demoted
	 * nor disabled (409): the active admins' rows are locked first, so two admins demoting each
	 * other at once cannot both succeed.
	 */
	@Transactional
	UserResponse update(CurrentUser admin, UUID userId, UpdateUserRequest request) {
		if (request.role() == null && request.disabled() == null) {
			throw new InvalidRequestException("Give role, disabled, or both.");
		}
		long activeAdmins = users.lockActiveAdmins();
		UserAccount user = users.findById(userId).orElseThrow(() -> new NotFoundException("User", userId));
		boolean demoted = request.role() != null && request.role() != Role.ADMIN;
		boolean disabling = Boolean.TRUE.equals(request.disabled()) && !user.disabled();
		if (user.role() == Role.ADMIN && !user.disabled() && (demoted || disabling) && activeAdmins <= 1) {
			throw new ConflictException(("%s is the last active admin: make another user an admin before you %s this one.")
				.formatted(user.email(), disabling ? "disable" : "demote"));
		}
		UserResponse answer = describe(user);
		if (request.role() != null && request.role() != user.role()) {
			users.updateRole(userId, request.role());
			answer = changed(reread(userId), UserChanged.Change.ROLE_CHANGED, admin.id());
		}
		if (request.disabled() != null && request.disabled() != user.disabled()) {
			users.updateDisabled(userId, request.disabled() ? clock.instant() : null);
			answer = changed(reread(userId), request.disabled() ? UserChanged.Change.DISABLED : UserChanged.Change.ENABLED,
					admin.id());
		}
		return answer;
	}

	/** An admin sets a new password: the user's tokens stop working. */
	@Transactional
	UserResponse resetPassword(CurrentUser admin, UUID userId, String newPassword) {
		requireBcryptLength(newPassword);
		users.findById(userId).orElseThrow(() -> new NotFoundException("User", userId));
		users.updatePassword(userId, passwords.encode(newPassword));
		return changed(reread(userId), UserChanged.Change.PASSWORD_RESET, admin.id());
	}

	/**
	 * The caller's own password, given the current one (a wrong one counts as a failed sign-in).
	 * Every token issued before stops working; the answer carries a new one.
	 */
	@Transactional
	LoginResponse changeOwnPassword(CurrentUser caller, String currentPassword, String newPassword, String client) {
		requireBcryptLength(newPassword);
		UserAccount user = users.findById(caller.id()).orElseThrow(() -> new NotFoundException("User", caller.id()));
		limiter.checkAllowed(user.email(), client);
		boolean fits = currentPassword.getBytes(StandardCharsets.UTF_8).length <= BCRYPT_MAX_BYTES;
		if (!fits || !passwords.matches(currentPassword, user.passwordHash())) {
			limiter.recordFailure(user.email(), client);
			throw new InvalidRequestException("The current password is not right; nothing was changed.");
		}
		users.updatePassword(user.id(), passwords.encode(newPassword));
		UserAccount now = reread(user.id());
		changed(now, UserChanged.Change.PASSWORD_CHANGED, user.id());
		LoginTokens.IssuedToken token = tokens.issue(now);
		return new LoginResponse(token.token(), token.expiresAt(), describe(now));
	}

	/**
	 * Deletes a user who never uploaded; one who did is kept for the record and disabled instead
	 * (the answer says so). Admins cannot delete themselves, nor the last active admin.
	 *
	 * @return the kept (disabled) user, or empty when the user is gone
	 */
	@Transactional
	java.util.Optional<UserResponse> delete(CurrentUser admin, UUID userId) {
		long activeAdmins = users.lockActiveAdmins();
		UserAccount user = users.findById(userId).orElseThrow(() -> new NotFoundException("User", userId));
		if (user.id().equals(admin.id())) {
			throw new ConflictException("You cannot delete your own account; another admin can.");
		}
		if (user.role() == Role.ADMIN && !user.disabled() && activeAdmins <= 1) {
			throw new ConflictException("%s is the last active admin: make another user an admin first."
				.formatted(user.email()));
		}
		if (references.isReferenced(userId)) {
			if (!user.disabled()) {
				users.updateDisabled(userId, clock.instant());
				changed(reread(userId), UserChanged.Change.DISABLED, admin.id());
			}
			return java.util.Optional.of(describe(reread(userId)));
		}
		users.delete(userId);
		events.publishEvent(new UserChanged(user.id(), user.email(), UserChanged.Change.DELETED, user.role(), List.of(),
				admin.id(), clock.instant()));
		return java.util.Optional.empty();
	}

	private UserAccount reread(UUID userId) {
		return users.findById(userId).orElseThrow(() -> new NotFoundException("User", userId));
	}

	/** Publishes the change, inside the caller's transaction, with the user as they are now. */
	private UserResponse changed(UserAccount user, UserChanged.Change change, UUID changedBy) {
		UserResponse now = describe(user);
		events.publishEvent(new UserChanged(user.id(), user.email(), change, user.role(), now.mallIds(), changedBy,
				clock.instant()));
		return now;
	}

	UserResponse describe(UUID userId) {
		return describe(users.findById(userId).orElseThrow(() -> new NotFoundException("User", userId)));
	}

	List<UserResponse> list() {
		return users.findAll().stream().map(this::describe).toList();
	}

	/** Creates the first admin, unless another node did so a moment earlier. */
	@Transactional
	boolean createFirstAdmin(String email, String password) {
		if (!users.isEmpty()) {
			return false;
		}
		requireBcryptLength(password);
		UserAccount admin = new UserAccount(UUID.randomUUID(), normalise(email), passwords.encode(password), Role.ADMIN,
				clock.instant());
		try {
			users.insert(admin);
		}
		catch (DuplicateKeyException anotherNodeWon) {
			return false;
		}
		changed(admin, UserChanged.Change.CREATED, null);
		return true;
	}

	private UserResponse describe(UserAccount user) {
		List<UUID> mallIds = users.grantsOf(user.id()).stream().sorted().toList();
		return new UserResponse(user.id(), user.email(), user.role(), mallIds, user.createdAt(), user.disabled());
	}

	private void requireKnownMalls(Collection<UUID> mallIds) {
		Set<UUID> unknown = malls.unknownMallIds(mallIds);
		if (!unknown.isEmpty()) {
			throw new NotFoundException("Mall", unknown.iterator().next());
		}
	}

	private static void requireBcryptLength(String password) {
		if (password.getBytes(StandardCharsets.UTF_8).length > BCRYPT_MAX_BYTES) {
			throw new InvalidRequestException("The request is invalid: password must be at most 72 bytes in UTF-8.");
		}
	}

	private static String normalise(String email) {
		return email.trim().toLowerCase(Locale.ROOT);
	}

}
