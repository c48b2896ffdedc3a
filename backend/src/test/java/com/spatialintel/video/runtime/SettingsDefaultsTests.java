package com.spatialintel.video.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.spatialintel.video.testing.UnitTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each default is written once: a setting an operator changes has its default in
 * {@code application.yml} ({@code ${VARIABLE:default}}), one without a variable has it in Java
 * ({@code @DefaultValue}), never both; and the README's Configuration table says the same default.
 */
@UnitTest
class SettingsDefaultsTests {

	private static final Pattern PLACEHOLDER = Pattern.compile("^\\$\\{([A-Z][A-Z0-9_]*):([^}$]+)\\}\\w*$");

	@Test
	void noSettingHasADefaultInBothYamlAndJava() throws Exception {
		Map<String, Object> yaml = applicationYaml();
		List<String> twice = new ArrayList<>();
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
		int records = 0;
		for (var candidate : scanner.findCandidateComponents("com.spatialintel.video")) {
			Class<?> type = ClassUtils.forName(candidate.getBeanClassName(), getClass().getClassLoader());
			if (!type.isRecord()) {
				continue;
			}
			records++;
			String prefix = type.getAnnotation(ConfigurationProperties.class).value();
			RecordComponent[] components = type.getRecordComponents();
			var parameters = type.getDeclaredConstructor(componentTypes(components)).getParameters();
			for (int i = 0; i < components.length; i++) {
				String property = prefix + "." + kebab(components[i].getName());
				boolean inJava = parameters[i].isAnnotationPresent(DefaultValue.class);
				if (inJava && yaml.containsKey(property)) {
					twice.add(property + " (" + type.getSimpleName() + " and application.yml)");
				}
			}
		}
		assertThat(records).as("settings records found").isGreaterThanOrEqualTo(8);
		assertThat(twice).as("defaults written twice").isEmpty();
	}

	@Test
	void theReadmeTableShowsTheDefaultsOfApplicationYaml() throws Exception {
		Map<String, String> readme = readmeDefaults();
		List<String> different = new ArrayList<>();
		int checked = 0;
		for (Object value : applicationYaml().values()) {
			Matcher placeholder = PLACEHOLDER.matcher(value.toString());
			if (placeholder.matches()) {
				checked++;
				String documented = readme.get(placeholder.group(1));
				String expected = "`" + placeholder.group(2) + "`";
				if (documented == null || !documented.startsWith(expected)) {
					different.add(placeholder.group(1) + ": application.yml " + expected + ", README " + documented);
				}
			}
		}
		assertThat(checked).as("variables with a default in application.yml").isGreaterThanOrEqualTo(20);
		assertThat(different).isEmpty();
	}

	private static Map<String, Object> applicationYaml() throws IOException {
		Map<String, Object> values = new LinkedHashMap<>();
		for (PropertySource<?> source : new YamlPropertySourceLoader().load("application.yml",
				new ClassPathResource("application.yml"))) {
			EnumerablePropertySource<?> enumerable = (EnumerablePropertySource<?>) source;
			for (String name : enumerable.getPropertyNames()) {
				values.put(name, String.valueOf(enumerable.getProperty(name)));
			}
		}
		return values;
	}

	/** Variable → the table's default cell. */
	private static Map<String, String> readmeDefaults() throws IOException {
		Map<String, String> defaults = new LinkedHashMap<>();
		Pattern row = Pattern.compile("^\\| `([A-Z][A-Z0-9_]*)` \\| ([^|]*) \\|");
		for (String line : Files.readAllLines(Path.of("..", "README.md"))) {
			Matcher matcher = row.matcher(line);
			if (matcher.find()) {
				defaults.put(matcher.group(1), matcher.group(2).trim());
			}
		}
		return defaults;
	}

	private static String kebab(String name) {
		return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
	}

	private static Class<?>[] componentTypes(RecordComponent[] components) {
		Class<?>[] types = new Class<?>[components.length];
		for (int i = 0; i < components.length; i++) {
			types[i] = components[i].getType();
		}
		return types;
	}

}
