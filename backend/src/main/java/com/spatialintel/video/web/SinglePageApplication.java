package com.spatialintel.video.web;

import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.lang.Nullable;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;

/**
 * Serves the built UI from {@code classpath:/static/}. A GET that asks for HTML and names no file
 * (a deep link such as {@code /malls/…/upload}, reloaded) gets {@code index.html}, so the app's own
 * router shows the page; {@code /api/**} and {@code /actuator/**} never do and keep their
 * problem+json 404s.
 */
@Configuration(proxyBeanMethods = false)
class SinglePageApplication implements WebMvcConfigurer {

	static final String LOCATION = "classpath:/static/";

	private static final List<String> SERVER_PATHS = List.of("api/", "actuator/");

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		// Vite names every built asset by its content hash: a changed file is a new URL
		registry.addResourceHandler("/assets/**")
			.addResourceLocations(LOCATION + "assets/")
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
		registry.addResourceHandler("/**")
			.addResourceLocations(LOCATION)
			.setCacheControl(CacheControl.noCache())
			.resourceChain(false)
			.addResolver(new IndexForPages());
	}

	private static final class IndexForPages extends PathResourceResolver {

		@Override
		protected Resource resolveResourceInternal(@Nullable HttpServletRequest request, String requestPath,
				List<? extends Resource> locations, ResourceResolverChain chain) {
			Resource file = super.resolveResourceInternal(request, requestPath, locations, chain);
			if (file != null || request == null || !isPageRequest(request, requestPath)) {
				return file;
			}
			return super.resolveResourceInternal(request, "index.html", locations, chain);
		}

		private static boolean isPageRequest(HttpServletRequest request, String path) {
			if (!HttpMethod.GET.matches(request.getMethod()) || SERVER_PATHS.stream().anyMatch(path::startsWith)) {
				return false;
			}
			String accept = request.getHeader(HttpHeaders.ACCEPT);
			return accept != null && accept.contains("text/html");
		}

	}

}
