package com.spatialintel.video.runtime;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Duration settings as Spring writes them ({@code 90s}, {@code 1h}, {@code PT1H}) and also as a
 * decimal amount with a unit ({@code 0.5h}, {@code 1.5m}), which Spring's own parser refuses. The
 * settings documented in hours or minutes ({@code STUCK_UPLOAD_THRESHOLD_HOURS=0.5}) are bound as
 * {@code ${…}h} and {@code ${…}m}, so an operator's decimal value stays valid.
 */
@Component
@ConfigurationPropertiesBinding
public class DecimalDurationConverter implements Converter<String, Duration> {

	private static final Pattern DECIMAL = Pattern.compile("^\\s*([+-]?\\d*\\.\\d+|[+-]?\\d+\\.)\\s*(ns|us|ms|s|m|h|d)\\s*$");

	private static final Map<String, ChronoUnit> UNITS = Map.of("ns", ChronoUnit.NANOS, "us", ChronoUnit.MICROS, "ms",
			ChronoUnit.MILLIS, "s", ChronoUnit.SECONDS, "m", ChronoUnit.MINUTES, "h", ChronoUnit.HOURS, "d",
			ChronoUnit.DAYS);

	@Override
	public Duration convert(String text) {
		return parse(text);
	}

	/** The duration a setting's text names; {@link IllegalArgumentException} when it names none. */
	public static Duration parse(String text) {
		Matcher decimal = DECIMAL.matcher(text);
		if (!decimal.matches()) {
			return DurationStyle.detectAndParse(text.trim());
		}
		BigDecimal nanos = new BigDecimal(decimal.group(1))
			.multiply(BigDecimal.valueOf(UNITS.get(decimal.group(2)).getDuration().toNanos()));
		try {
			return Duration.ofNanos(nanos.setScale(0, RoundingMode.HALF_UP).longValueExact());
		}
		catch (ArithmeticException tooLong) {
			throw new IllegalArgumentException("'" + text.trim() + "' is longer than this server can count.", tooLong);
		}
	}

}
