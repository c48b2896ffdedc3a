package com.spatialintel.video.auth;

import java.util.UUID;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;

/**
 * Turns a verified JWT into the caller as the database knows them now (role and grants); a disabled
 * account, or a token issued before the password last changed, is refused at once.
 */
@Component
class CurrentUserConverter implements Converter<Jwt, AbstractAuthenticationToken> {

	static final String DISABLED = "This account is disabled; ask an admin to enable it.";

	static final String CREDENTIALS_CHANGED = "The password of this account changed after you signed in; sign in again.";

	private final UserRepository users;

	CurrentUserConverter(UserRepository users) {
		this.users = users;
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		UUID userId;
		try {
			userId = UUID.fromString(jwt.getSubject());
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new InvalidBearerTokenException("The token names no user.");
		}
		UserAccount account = users.findById(userId)
			.orElseThrow(() -> new InvalidBearerTokenException("The token's user no longer exists."));
		if (account.disabled()) {
			throw new InvalidBearerTokenException(DISABLED);
		}
		Object version = jwt.getClaims().get(LoginTokens.CREDENTIALS_VERSION);
		long issuedUnder = version instanceof Number number ? number.longValue() : 0;
		if (issuedUnder != account.credentialsVersion()) {
			throw new InvalidBearerTokenException(CREDENTIALS_CHANGED);
		}
		CurrentUser user = new CurrentUser(account.id(), account.email(), account.role(), users.grantsOf(account.id()));
		return new CurrentUserAuthentication(user, jwt);
	}

}
