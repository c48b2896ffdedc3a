package com.spatialintel.video.auth;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/** Issues and verifies login tokens: JWTs signed with HS256 and {@code JWT_SECRET}. */
@Component
class LoginTokens {

	static final String ISSUER = "spatial-intel-video";

	/** The claim with the account's credentials version when the token was issued (absent: 0). */
	static final String CREDENTIALS_VERSION = "ver";

	private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

	private final JwtEncoder encoder;

	private final NimbusJwtDecoder decoder;

	private final Clock clock;

	private final Duration ttl;

	LoginTokens(AuthSettings settings, Clock clock) {
		SecretKey key = new SecretKeySpec(settings.jwtSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
		this.encoder = NimbusJwtEncoder.withSecretKey(key).build();
		this.decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
		JwtTimestampValidator timestamps = new JwtTimestampValidator(CLOCK_SKEW);
		timestamps.setClock(clock);
		// a token without an expiry would be valid for ever: ours always carry one, so one without was not made here
		JwtClaimValidator<Instant> expires = new JwtClaimValidator<>(JwtClaimNames.EXP, java.util.Objects::nonNull);
		this.decoder.setJwtValidator(
				new DelegatingOAuth2TokenValidator<>(timestamps, new JwtIssuerValidator(ISSUER), expires));
		this.clock = clock;
		this.ttl = settings.tokenTtl();
	}

	IssuedToken issue(UserAccount user) {
		Instant now = clock.instant();
		return issue(user, now, now.plus(ttl));
	}

	IssuedToken issue(UserAccount user, Instant issuedAt, Instant expiresAt) {
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(ISSUER)
			.subject(user.id().toString())
			.issuedAt(issuedAt)
			.expiresAt(expiresAt)
			.claim("email", user.email())
			.claim("role", user.role().name())
			.claim(CREDENTIALS_VERSION, user.credentialsVersion())
			.build();
		String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
			.getTokenValue();
		return new IssuedToken(token, expiresAt);
	}

	JwtDecoder decoder() {
		return decoder;
	}

	record IssuedToken(String token, Instant expiresAt) {
	}

}
