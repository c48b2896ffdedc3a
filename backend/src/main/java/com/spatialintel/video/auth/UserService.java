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

	private final Clock clock;

	/** Checked against when the e-mail is unknown, so both failures take the same time. */
	private final String decoyHash;

	UserService(UserRepository users, MallCatalog malls, PasswordEncoder passwords, LoginTokens tokens,
			LoginAttemptLimiter limiter, ApplicationEventPublisher events, Clock clock) {
		this.users = users;
		this.malls = malls;
		this.passwords = passwords;
		this.tokens = tokens;
		this.limiter = limiter;
		this.events = events;
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
		return new UserResponse(user.id(), user.email(), user.role(), mallIds, user.createdAt());
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
