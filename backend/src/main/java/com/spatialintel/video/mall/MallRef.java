package com.spatialintel.video.mall;

import java.util.List;
import java.util.UUID;

/** A mall with its IANA time zone and its pins, as other modules see it. */
public record MallRef(UUID mallId, String mallName, String timeZone, List<PinRef> pins) {
}
