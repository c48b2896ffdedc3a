package com.spatialintel.video.runtime;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	@Bean
	Clock clock() {
		return new MicrosecondClock(Clock.systemUTC());
	}

	/**
	 * Ticks in microseconds, the database's precision, so a value written reads back equal. Not
	 * {@code Clock.tick(clock, 1 µs)}: the JDK's tick clock computes {@code millis()} as
	 * {@code millis % (tick / 1 ms)}, a division by zero for any tick under a millisecond.
	 */
	static final class MicrosecondClock extends Clock {

		private final Clock base;

		MicrosecondClock(Clock base) {
			this.base = base;
		}

		@Override
		public Instant instant() {
			return base.instant().truncatedTo(ChronoUnit.MICROS);
		}

		@Override
		public long millis() {
			return base.millis();
		}

		@Override
		public ZoneId getZone() {
			return base.getZone();
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return new MicrosecondClock(base.withZone(zone));
		}

	}

}
