package com.spatialintel.video.jobqueue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.spatialintel.video.testing.UnitTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@UnitTest
class JobWakeUpCoalescingTests {

	@Test
	void aBurstOfHintsMakesOneFetchAndOneFollowUp() throws InterruptedException {
		AtomicInteger fetches = new AtomicInteger();
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch fetching = new CountDownLatch(1);
		try (JobWakeUp wakeUp = new JobWakeUp(() -> {
			if (fetches.incrementAndGet() == 1) {
				fetching.countDown();
				hold(release);
			}
		})) {
			wakeUp.wake();
			assertThat(fetching.await(5, TimeUnit.SECONDS)).isTrue();
			// a hundred hints while the first fetch runs: one more fetch after it, not a hundred
			for (int i = 0; i < 100; i++) {
				wakeUp.wake();
			}
			release.countDown();
			await().atMost(Duration.ofSeconds(5)).until(() -> fetches.get() >= 2);
			Thread.sleep(JobWakeUp.AGAIN_AFTER.toMillis() * 4);
			// the first, the one the hints asked for during it, and the follow-up
			assertThat(fetches.get()).isEqualTo(3);
		}
	}

	@Test
	void aHintDuringAFetchIsNotLost() throws InterruptedException {
		AtomicInteger fetches = new AtomicInteger();
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch fetching = new CountDownLatch(1);
		AtomicInteger seenAfterHint = new AtomicInteger();
		AtomicInteger hinted = new AtomicInteger();
		try (JobWakeUp wakeUp = new JobWakeUp(() -> {
			int n = fetches.incrementAndGet();
			if (n == 1) {
				fetching.countDown();
				hold(release);
			}
			else if (hinted.get() == 1) {
				seenAfterHint.incrementAndGet();
			}
		})) {
			wakeUp.wake();
			assertThat(fetching.await(5, TimeUnit.SECONDS)).isTrue();
			hinted.set(1);
			wakeUp.wake();
			release.countDown();
			await().atMost(Duration.ofSeconds(5)).until(() -> seenAfterHint.get() >= 1);
		}
	}

	@Test
	void aFailingFetchDoesNotStopLaterOnes() {
		AtomicInteger fetches = new AtomicInteger();
		try (JobWakeUp wakeUp = new JobWakeUp(() -> {
			fetches.incrementAndGet();
			throw new IllegalStateException("database away");
		})) {
			wakeUp.wake();
			await().atMost(Duration.ofSeconds(5)).until(() -> fetches.get() >= 2);
			wakeUp.wake();
			await().atMost(Duration.ofSeconds(5)).until(() -> fetches.get() >= 3);
		}
	}

	private static void hold(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
