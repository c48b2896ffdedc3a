package com.spatialintel.video.testing;

import com.spatialintel.video.runtime.DecimalDurationConverter;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

/**
 * Binds settings as the app does, without starting it: {@code application.yml} with its
 * environment-variable placeholders, the app's duration converter and Bean Validation.
 */
public final class SettingsBinding {

	private SettingsBinding() {
	}

	/** A runner for one {@code @EnableConfigurationProperties} configuration; add variables with {@code withPropertyValues}. */
	public static ApplicationContextRunner of(Class<?> configuration) {
		return new ApplicationContextRunner().withInitializer(new ConfigDataApplicationContextInitializer())
			.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
			.withBean(DecimalDurationConverter.class)
			.withUserConfiguration(configuration);
	}

}
