package com.spatialintel.video.mall;

import java.util.UUID;

/**
 * A camera pin with the mall it belongs to, as other modules see it; {@code mallTimeZone} is the
 * mall's IANA zone, in which its footage's times and days are shown.
 */
public record PinRef(UUID mallId, String mallName, UUID pinId, String pinName, String mallTimeZone) {
}
