package com.spatialintel.video.auth;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** A verified token whose user still exists; the principal is the {@link CurrentUser}. */
class CurrentUserAuthentication extends AbstractAuthenticationToken {

	private final CurrentUser user;

	private final Jwt token;

	CurrentUserAuthentication(CurrentUser user, Jwt token) {
		super(List.of(new SimpleGrantedAuthority(user.role().authority())));
		this.user = user;
		this.token = token;
		setAuthenticated(true);
	}

	@Override
	public CurrentUser getPrincipal() {
		return user;
	}

	@Override
	public Jwt getCredentials() {
		return token;
	}

}
