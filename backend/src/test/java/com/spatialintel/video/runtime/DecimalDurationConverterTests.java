package com.spatialintel.video.runtime;

import java.time.Duration;

import com.spatialintel.video.testing.UnitTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@UnitTest
class DecimalDurationConverterTests {

	@Test
	void decimalsWithAUnitAreTaken() {
		assertThat(DecimalDurationConverter.parse("0.5h")).isEqualTo(Duration.ofMinutes(30));
		assertThat(DecimalDurationConverter.parse(".25h")).isEqualTo(Duration.ofMinutes(15));
		assertThat(DecimalDurationConverter.parse("1.5m")).isEqualTo(Duration.ofSeconds(90));
		assertThat(DecimalDurationConverter.parse("2.h")).isEqualTo(Duration.ofHours(2));
		assertThat(DecimalDurationConverter.parse("0.0001s")).isEqualTo(Duration.ofNanos(100_000));
		assertThat(DecimalDurationConverter.parse("-0.5h")).isEqualTo(Duration.ofMinutes(-30));
	}

	@Test
	void springsOwnFormsStayAsTheyWere() {
		assertThat(DecimalDurationConverter.parse("6h")).isEqualTo(Duration.ofHours(6));
		assertThat(DecimalDurationConverter.parse("3600s")).isEqualTo(Duration.ofHours(1));
		assertThat(DecimalDurationConverter.parse("PT1H30M")).isEqualTo(Duration.ofMinutes(90));
		assertThat(DecimalDurationConverter.parse("250")).isEqualTo(Duration.ofMillis(250));
	}

	@Test
	void textThatNamesNoDurationIsRefused() {
		for (String text : new String[] { "abc", "1e3h", "1.5", "0.5hh", "1,5h", "", "0.5 x" }) {
			assertThatIllegalArgumentException().as(text).isThrownBy(() -> DecimalDurationConverter.parse(text));
		}
		assertThatIllegalArgumentException().isThrownBy(() -> DecimalDurationConverter.parse("1000000000.5d"))
			.withMessage("'1000000000.5d' is longer than this server can count.");
	}

}
