package com.spatialintel.video.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.spatialintel.video.errors.JsonNames;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The OpenAPI document at {@code /api/docs}. The web UI's TypeScript types are generated from it
 * ({@code frontend/openapi.json}), so it names properties as the JSON does (snake_case) and each
 * operation by its controller and method, stable from one build to the next.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	private static final String BEARER = "bearer";

	private static final String PROBLEM = "Problem";

	@Bean
	OpenAPI spatialIntelOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Spatial Intel Video API")
				.version("v1")
				.description("Upload CCTV recordings per camera pin, process them into proxies and play them. "
						+ "Sign in with POST /api/auth/login and send the token as 'Authorization: Bearer <token>'."))
			.components(new Components().addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
			// relative, so that the document is the same whatever host and port served it
			.servers(List.of(new Server().url("/")))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

	/** {@code LibraryController.list} becomes {@code libraryList}: unique, and the same on every build. */
	@Bean
	OperationCustomizer stableOperationIds() {
		return (operation, handler) -> operation.operationId(StringUtils.uncapitalize(
				handler.getBeanType().getSimpleName().replaceFirst("Controller$", ""))
				+ StringUtils.capitalize(handler.getMethod().getName()));
	}

	/**
	 * The schemas list the Java names; the JSON carries them in snake_case (spring.jackson naming
	 * strategy). A response is a record written with every component (null ones too), so each
	 * property of a response schema is marked required: always present, possibly null.
	 */
	@Bean
	OpenApiCustomizer snakeCaseProperties() {
		return openApi -> {
			if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
				return;
			}
			Map<String, Schema> schemas = openApi.getComponents().getSchemas();
			Set<String> responses = new TreeSet<>();
			openApi.getPaths()
				.values()
				.forEach(path -> path.readOperations()
					.forEach(operation -> operation.getResponses()
						.values()
						.forEach(response -> Optional.ofNullable(response.getContent())
							.ifPresent(content -> content.values()
								.forEach(media -> collectReferences(media.getSchema(), schemas, responses))))));
			schemas.forEach((name, schema) -> {
				renameProperties(schema);
				if (responses.contains(name) && !PROBLEM.equals(name) && schema.getProperties() != null) {
					schema.setRequired(List.copyOf(schema.getProperties().keySet()));
				}
			});
		};
	}

	/**
	 * Every error the API sends is problem+json (RFC 9457) with a sentence in {@code detail}: each
	 * operation lists the errors it can answer, besides those its controller documents itself.
	 * 400 and 503 can come from any request; 401 and 403 from any that needs a token; 404 from any
	 * with an id in its path; 409 from any that changes something (signing in changes nothing).
	 */
	@Bean
	OpenApiCustomizer problemResponses() {
		return openApi -> {
			openApi.getComponents().addSchemas(PROBLEM, problemSchema());
			openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
				boolean signedIn = operation.getSecurity() == null || !operation.getSecurity().isEmpty();
				addProblem(operation, "400", "The request is malformed or invalid; the detail says what to change");
				if (signedIn) {
					addProblem(operation, "401", "No valid token was sent: sign in with POST /api/auth/login");
					addProblem(operation, "403", "The role, or the malls granted, do not allow this");
				}
				if (path.contains("{")) {
					addProblem(operation, "404", "There is no such item, or it is in a mall not granted to the caller");
				}
				if (signedIn && method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD) {
					addProblem(operation, "409", "The request conflicts with the item's current state or another item");
				}
				addProblem(operation, "503",
						"The database or the video store is unreachable for the moment; Retry-After says when to try again");
			}));
		};
	}

	private static void addProblem(Operation operation, String status, String description) {
		if (operation.getResponses().containsKey(status)) {
			return;
		}
		operation.getResponses()
			.addApiResponse(status, new ApiResponse().description(description)
				.content(new Content().addMediaType("application/problem+json",
						new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
	}

	@SuppressWarnings("rawtypes")
	private static Schema problemSchema() {
		Map<String, Schema> properties = new LinkedHashMap<>();
		properties.put("type", new StringSchema().description("A URI naming the kind of problem; about:blank for most"));
		properties.put("title", new StringSchema().description("The HTTP status in words"));
		properties.put("status", new IntegerSchema().description("The HTTP status code"));
		properties.put("detail", new StringSchema().description("What went wrong and what to do, as a sentence for people"));
		properties.put("instance", new StringSchema().description("The path that was asked for"));
		properties.put("errors", new ArraySchema().items(new ObjectSchema()
			.addProperty("field", new StringSchema())
			.addProperty("message", new StringSchema()))
			.description("For invalid bodies: each field and what is wrong with it"));
		properties.put("reference", new StringSchema().description("For errors on our side: the reference in the server's log"));
		return new ObjectSchema().properties(properties)
			.required(List.of("title", "status", "detail"))
			.description("An error (RFC 9457 problem details)");
	}

	@SuppressWarnings("rawtypes")
	private static void collectReferences(Schema schema, Map<String, Schema> schemas, Set<String> found) {
		if (schema == null) {
			return;
		}
		if (schema.get$ref() != null) {
			String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
			if (found.add(name)) {
				collectReferences(schemas.get(name), schemas, found);
			}
			return;
		}
		collectReferences(schema.getItems(), schemas, found);
		if (schema.getProperties() != null) {
			schema.getProperties().values().forEach(property -> collectReferences((Schema) property, schemas, found));
		}
		if (schema.getOneOf() != null) {
			schema.getOneOf().forEach(member -> collectReferences((Schema) member, schemas, found));
		}
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static void renameProperties(Schema schema) {
		Map<String, Schema> properties = schema.getProperties();
		if (properties != null) {
			Map<String, Schema> renamed = new LinkedHashMap<>();
			properties.forEach((name, property) -> renamed.put(JsonNames.of(name), property));
			schema.setProperties(renamed);
		}
		List<String> required = schema.getRequired();
		if (required != null) {
			schema.setRequired(required.stream().map(JsonNames::of).toList());
		}
	}

}
