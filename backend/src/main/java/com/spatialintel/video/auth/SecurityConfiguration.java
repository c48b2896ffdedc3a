package com.spatialintel.video.auth;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every {@code /api} route needs a bearer token except login, the API documentation and the
 * signed proxy and poster links;
 * roles are checked on the controller methods with {@code @PreAuthorize}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	/** The files a signed link opens: the link is its own credential (a {@code <video>} sends no bearer token). */
	private static final String[] SIGNED_FILES = { "/api/videos/*/proxy", "/api/videos/*/poster",
			"/api/videos/*/previews.vtt", "/api/videos/*/previews.jpg", "/api/exports/*/package", "/api/evidence/public-key" };

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, CurrentUserConverter currentUser,
			ProblemSecurityResponses problems) throws Exception {
		http.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.POST, "/api/auth/login")
				.permitAll()
				.requestMatchers("/api/docs", "/api/docs/**")
				.permitAll()
				.requestMatchers(HttpMethod.GET, SIGNED_FILES)
				.permitAll()
				.requestMatchers(HttpMethod.HEAD, SIGNED_FILES)
				.permitAll()
				.requestMatchers("/api/**")
				.authenticated()
				.anyRequest()
				.permitAll())
			.oauth2ResourceServer(resourceServer -> resourceServer
				.jwt(jwt -> jwt.jwtAuthenticationConverter(currentUser))
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
		return http.build();
	}

	@Bean
	JwtDecoder jwtDecoder(LoginTokens tokens) {
		return tokens.decoder();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

}
