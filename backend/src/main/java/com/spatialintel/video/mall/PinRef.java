package com.spatialintel.video.mall;

import java.util.UUID;

/** A camera pin with the mall it belongs to, as other modules see it. */
public record PinRef(UUID mallId, String mallName, UUID pinId, String pinName) {
}
