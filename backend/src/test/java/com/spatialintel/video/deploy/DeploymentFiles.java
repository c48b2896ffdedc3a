package com.spatialintel.video.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;

/**
 * What {@code deploy/} ships, read as docker compose reads it: the compose file (YAML, anchors and
 * {@code <<} merges resolved), {@code deploy/.env.example} as an env file, and {@code ${VAR}}
 * interpolation ({@code ${VAR}}, {@code ${VAR:-default}}, {@code ${VAR-default}}, {@code $$} for a
 * literal dollar).
 */
final class DeploymentFiles {

	/** The repository's root: the tests run in {@code backend/}. */
	static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	static final Path COMPOSE = ROOT.resolve("deploy/docker-compose.yml");

	static final Path ENV_EXAMPLE = ROOT.resolve("deploy/.env.example");

	static final Path DOCKERFILE = ROOT.resolve("deploy/Dockerfile");

	private static final Pattern VARIABLE = Pattern.compile("\\$(\\$|\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}]*))?\\})");

	private static final Pattern ENV_LINE = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)=(.*)$");

	private DeploymentFiles() {
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The compose file as a tree of maps and lists. */
	@SuppressWarnings("unchecked")
	static Map<String, Object> compose() {
		return (Map<String, Object>) new Yaml().load(read(COMPOSE));
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> service(String name) {
		Map<String, Object> services = (Map<String, Object>) compose().get("services");
		Map<String, Object> service = (Map<String, Object>) services.get(name);
		if (service == null) {
			throw new AssertionError("docker-compose.yml has no service " + name);
		}
		return service;
	}

	/** A service's environment before interpolation, in the file's order. */
	@SuppressWarnings("unchecked")
	static Map<String, String> rawEnvironment(String serviceName) {
		Object environment = service(serviceName).get("environment");
		Map<String, String> result = new LinkedHashMap<>();
		if (environment instanceof Map<?, ?> map) {
			map.forEach((key, value) -> result.put(String.valueOf(key), value == null ? "" : String.valueOf(value)));
		}
		else if (environment instanceof List<?> list) {
			for (Object entry : list) {
				String[] pair = String.valueOf(entry).split("=", 2);
				result.put(pair[0], pair.length > 1 ? pair[1] : "");
			}
		}
		return result;
	}

	/** A service's environment as its container gets it, given the values of an env file. */
	static Map<String, String> environment(String serviceName, Map<String, String> dotEnv) {
		Map<String, String> result = new LinkedHashMap<>();
		rawEnvironment(serviceName).forEach((key, value) -> result.put(key, interpolate(value, dotEnv)));
		return result;
	}

	static String interpolate(String text, Map<String, String> values) {
		Matcher matcher = VARIABLE.matcher(text);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			String replacement;
			if ("$".equals(matcher.group(1))) {
				replacement = "$";
			}
			else {
				String value = values.get(matcher.group(2));
				boolean useDefault = matcher.group(3) != null
						&& (value == null || ":-".equals(matcher.group(3)) && value.isEmpty());
				if (useDefault) {
					replacement = matcher.group(4);
				}
				else if (value == null) {
					throw new AssertionError("docker-compose.yml uses ${" + matcher.group(2) + "}, which the env file does not set");
				}
				else {
					replacement = value;
				}
			}
			matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(result);
		return result.toString();
	}

	/** Every {@code ${VAR}} the compose file uses, wherever it stands. */
	static Set<String> variablesUsed() {
		Set<String> names = new LinkedHashSet<>();
		Matcher matcher = VARIABLE.matcher(read(COMPOSE).replaceAll("(?m)#.*$", ""));
		while (matcher.find()) {
			if (matcher.group(2) != null) {
				names.add(matcher.group(2));
			}
		}
		return names;
	}

	/** An env file as compose reads it: {@code NAME=value} lines, comments and blank lines skipped. */
	static Map<String, String> envFile(Path file) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String line : read(file).split("\n")) {
			Matcher matcher = ENV_LINE.matcher(line.strip());
			if (matcher.matches()) {
				values.put(matcher.group(1), matcher.group(2));
			}
		}
		return values;
	}

	/** The settings the README's Configuration table documents, the app's full list. */
	static Set<String> documentedSettings() {
		Set<String> names = new LinkedHashSet<>();
		Pattern name = Pattern.compile("`([A-Z][A-Z0-9_]*)`");
		for (String line : read(ROOT.resolve("README.md")).split("\n")) {
			if (line.startsWith("| `")) {
				Matcher matcher = name.matcher(line.substring(0, line.indexOf('|', 1)));
				while (matcher.find()) {
					names.add(matcher.group(1));
				}
			}
		}
		return names;
	}

}
