package com.spatialintel.video.runtime;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import com.spatialintel.video.testing.UnitTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@UnitTest
class ClockConfigurationTests {

	private static final Instant NOW = Instant.parse("2026-12-06T21:45:12.123456789Z");

	private final Clock clock = new ClockConfiguration.MicrosecondClock(Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void instantsHaveTheDatabasesMicrosecondsAndMillisecondsWork() {
		assertThat(clock.instant()).isEqualTo(Instant.parse("2026-12-06T21:45:12.123456Z"));
		// Clock.tick(…, 1 µs).millis() throws ArithmeticException: / by zero
		assertThat(clock.millis()).isEqualTo(NOW.toEpochMilli());
	}

	@Test
	void anotherZoneKeepsTheTicks() {
		Clock berlin = clock.withZone(ZoneId.of("Europe/Berlin"));

		assertThat(berlin.getZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
		assertThat(berlin.instant()).isEqualTo(clock.instant());
		assertThat(new ClockConfiguration().clock().getZone()).isEqualTo(ZoneOffset.UTC);
	}

}
