package com.spatialintel.video.storage;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Makes sure the bucket exists, is private and accepts browser uploads. Idempotent, so every node
 * runs it on start-up; when S3 is down at that moment the app still starts (health shows storage
 * DOWN) and tries again every 30 seconds.
 */
@Component
class BucketInitializer implements ApplicationRunner, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(BucketInitializer.class);

	private final ObjectStorage storage;

	private final List<String> corsOrigins;

	private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "bucket-initializer");
		thread.setDaemon(true);
		return thread;
	});

	private volatile boolean ready;

	BucketInitializer(ObjectStorage storage, StorageSettings settings) {
		this.storage = storage;
		// the embedded S3Proxy has its CORS rules built in and rejects per-bucket CORS
		this.corsOrigins = settings.embeddedServer() || settings.corsOrigins() == null ? List.of() : settings.corsOrigins();
	}

	@Override
	public void run(ApplicationArguments args) {
		tryInitialize();
	}

	boolean isReady() {
		return ready;
	}

	private void tryInitialize() {
		try {
			storage.ensureBucket(corsOrigins);
			ready = true;
			log.info("Bucket {} is ready", storage.bucket());
		}
		catch (RuntimeException ex) {
			log.warn("Bucket {} could not be prepared ({}); retrying in 30 s", storage.bucket(), ex.getMessage());
			retries.schedule(this::tryInitialize, 30, TimeUnit.SECONDS);
		}
	}

	@Override
	public void destroy() {
		retries.shutdownNow();
	}

}
