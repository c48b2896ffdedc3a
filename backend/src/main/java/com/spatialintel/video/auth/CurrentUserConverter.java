package com.spatialintel.video.auth;

import java.util.UUID;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;

/** Turns a verified JWT into the caller as the database knows them now (role and grants). */
@Component
class CurrentUserConverter implements Converter<Jwt, AbstractAuthenticationToken> {

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
		CurrentUser user = new CurrentUser(account.id(), account.email(), account.role(), users.grantsOf(account.id()));
		return new CurrentUserAuthentication(user, jwt);
	}

}
