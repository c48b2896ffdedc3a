package com.spatialintel.video.watchdog;

import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;

import com.spatialintel.video.testing.UnitTest;
import org.jobrunr.jobs.lambdas.JobRequest;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.jobrunr.storage.StorageException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Registering the schedule when another node registers it at the same moment: JobRunr's insert
 * then fails with a duplicate key, and registering again must update the other node's row.
 */
@UnitTest
class WatchdogScheduleTests {

	private final JobRequestScheduler scheduler = mock(JobRequestScheduler.class);

	private final WatchdogSettings settings = new WatchdogSettings("0 0 3 * * *", Duration.ofHours(4), Duration.ofMinutes(10),
			Duration.ofMinutes(10));

	@Test
	void aRaceWithAnotherNodeIsRegisteredAgainInsteadOfFailingTheStart() {
		AtomicInteger calls = new AtomicInteger();
		when(scheduler.scheduleRecurrently(eq(WatchdogSchedule.RECURRING_JOB_ID), anyString(), any(ZoneId.class),
				any(JobRequest.class))).thenAnswer(call -> {
					if (calls.incrementAndGet() == 1) {
						throw new StorageException("duplicate key value violates unique constraint \"jobrunr_recurring_jobs_pkey\"");
					}
					return WatchdogSchedule.RECURRING_JOB_ID;
				});

		new WatchdogSchedule(scheduler, settings).afterSingletonsInstantiated();

		assertThat(calls).hasValue(2);
	}

	@Test
	void storageThatKeepsFailingStillStopsTheStart() {
		when(scheduler.scheduleRecurrently(anyString(), anyString(), any(ZoneId.class), any(JobRequest.class)))
			.thenThrow(new StorageException("the database refuses"));

		assertThatThrownBy(() -> new WatchdogSchedule(scheduler, settings).afterSingletonsInstantiated())
			.isInstanceOf(StorageException.class)
			.hasMessage("the database refuses");
	}

}
