package com.spatialintel.video.storage;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code storage} in {@code /actuator/health}: the bucket exists and answers. */
@Component("storage")
class StorageHealthIndicator implements HealthIndicator {

	private final ObjectStorage storage;

	private final BucketInitializer initializer;

	StorageHealthIndicator(ObjectStorage storage, BucketInitializer initializer) {
		this.storage = storage;
		this.initializer = initializer;
	}

	@Override
	public Health health() {
		if (initializer.isReady() && storage.bucketReachable()) {
			return Health.up().withDetail("bucket", storage.bucket()).build();
		}
		return Health.down().withDetail("bucket", storage.bucket()).build();
	}

}
