package com.spatialintel.video.mall;

import java.time.ZoneId;
import java.util.Set;

import com.spatialintel.video.errors.InvalidRequestException;

/** A mall's time zone: an IANA name (Region/City) or UTC, checked against the JVM's zone database. */
final class MallTimeZones {

	static final String DEFAULT = "UTC";

	private static final Set<String> KNOWN = ZoneId.getAvailableZoneIds();

	private MallTimeZones() {
	}

	/** @throws InvalidRequestException (400) naming the zone when it is not one */
	static String require(String timeZone) {
		if (timeZone == null) {
			return DEFAULT;
		}
		if (!DEFAULT.equals(timeZone) && !KNOWN.contains(timeZone)) {
			throw new InvalidRequestException(("time_zone '%s' is not an IANA time zone; give one such as Europe/Berlin, "
					+ "America/New_York or UTC.").formatted(timeZone.length() > 64 ? timeZone.substring(0, 64) + "…" : timeZone));
		}
		return timeZone;
	}

}
