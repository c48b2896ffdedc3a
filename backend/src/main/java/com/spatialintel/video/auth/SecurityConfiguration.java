package com.spatialintel.video.auth;

import java.util.stream.Stream;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

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

	/**
	 * No observation around each security filter, authentication and authorization. Switched off by
	 * name in {@code application.yml} before, the decorator still wrapped each of the chain's filters
	 * in a no-op observation on every request (each seek of a player is one); now it is not
	 * installed. The HTTP server observation still times every request.
	 */
	@Bean
	static SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * GET and HEAD of the signed files (a player's every seek is one such request) on a short chain of
	 * their own: the link's signature is their credential, checked by the controller, so nothing here
	 * authenticates. They still pass the firewall, the security headers and the problem answers, but
	 * not the bearer-token, session, request-cache, anonymous and logout filters that the API's chain
	 * runs on every request (issue 26, streaming: half of a ranged read's time in the app was outside
	 * the controller). Other methods on these paths go to the API's chain as before.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain signedFileSecurity(HttpSecurity http, ProblemSecurityResponses problems) throws Exception {
		RequestMatcher files = new OrRequestMatcher(Stream.of(HttpMethod.GET, HttpMethod.HEAD)
			.flatMap(method -> Stream.of(SIGNED_FILES).map(path -> PathPatternRequestMatcher.pathPattern(method, path)))
			.map(RequestMatcher.class::cast)
			.toList());
		http.securityMatcher(files)
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.anonymous(anonymous -> anonymous.disable())
			.logout(logout -> logout.disable())
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain apiSecurity(HttpSecurity http, CurrentUserConverter currentUser,
			ProblemSecurityResponses problems) throws Exception {
		http.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.POST, "/api/auth/login")
				.permitAll()
				.requestMatchers("/api/docs", "/api/docs/**")
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
