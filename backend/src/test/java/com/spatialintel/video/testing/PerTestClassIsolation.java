package com.spatialintel.video.testing;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Gives every {@link IntegrationTest} class its own bucket ({@code S3_BUCKET}), named after the
 * class, which the app creates on start-up like any bucket. (Classes that run workers also take a
 * database of their own, see {@link TestDatabase#createForSession}, so that no worker of one class
 * takes up another class's jobs.)
 */
class PerTestClassIsolation implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		if (!TestContextAnnotationUtils.hasAnnotation(testClass, IntegrationTest.class)) {
			return null;
		}
		String words = testClass.getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
		String bucket = "siv-" + words;
		return new IsolationCustomizer(bucket.length() > 63 ? bucket.substring(0, 63) : bucket);
	}

	private record IsolationCustomizer(String bucket) implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("testIsolation", Map.of("S3_BUCKET", bucket)));
		}

	}

}
