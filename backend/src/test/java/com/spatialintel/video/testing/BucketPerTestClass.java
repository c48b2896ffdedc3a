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
 * class, which the app creates on start-up like any bucket.
 */
class BucketPerTestClass implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		if (!TestContextAnnotationUtils.hasAnnotation(testClass, IntegrationTest.class)) {
			return null;
		}
		return new BucketCustomizer(bucketFor(testClass));
	}

	static String bucketFor(Class<?> testClass) {
		String name = "siv-" + testClass.getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
		return name.length() > 63 ? name.substring(0, 63) : name;
	}

	private record BucketCustomizer(String bucket) implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("testBucket", Map.of("S3_BUCKET", bucket)));
		}

	}

}
