package com.spatialintel.video.mall;

import java.time.Instant;
import java.util.UUID;

/**
 * Published inside the transaction that changed a mall or one of its pins; {@code pinId} is null
 * for a change of the mall itself, and {@code name} is the name afterwards.
 */
public record MallChanged(UUID mallId, UUID pinId, Change change, String name, UUID changedByUserId, Instant at) {

	public enum Change {
		MALL_CREATED, PIN_CREATED, TIME_ZONE_CHANGED, MALL_RENAMED, PIN_RENAMED, MALL_DELETED, PIN_DELETED
	}

}
