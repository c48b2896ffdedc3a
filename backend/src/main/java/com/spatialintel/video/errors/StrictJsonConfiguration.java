package com.spatialintel.video.errors;

import java.time.Instant;

import com.spatialintel.video.database.Instants;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Request bodies must carry the types the API documents: {@code "role": 1} or
 * {@code "name": 123} are wrong types (400), not values to be guessed at.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

	/** Only {@link Instants} text: no epoch numbers, no years out of range. */
	static final class StrictInstantDeserializer extends ValueDeserializer<Instant> {

		@Override
		public Instant deserialize(JsonParser parser, DeserializationContext context) {
			if (!parser.hasToken(JsonToken.VALUE_STRING)) {
				return (Instant) context.handleUnexpectedToken(Instant.class, parser);
			}
			String text = parser.getString();
			return Instants.parse(text)
				.orElseThrow(() -> context.weirdStringException(text, Instant.class, "not " + Instants.EXAMPLE));
		}

	}

	@Bean
	JsonMapperBuilderCustomizer strictInputTypes() {
		return builder -> builder.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
			.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			// {"size": 1, "size": 2}: which one was meant is a guess
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			// 1.5 and 1e3 are not whole numbers, "443868" is text
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.withCoercionConfig(LogicalType.Integer, integer -> integer
				.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
			.addModule(new SimpleModule("strict-instants").addDeserializer(Instant.class, new StrictInstantDeserializer()))
			.withCoercionConfig(LogicalType.Textual, textual -> textual
				.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
	}

}
