package com.spatialintel.video.processing;

import java.util.EnumSet;

import com.spatialintel.video.testing.UnitTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A job's life: pending → running → completed, failed or cancelled; a running job may go back to pending (a retry). */
@UnitTest
class JobStatusTableTests {

	@Test
	void theWaysAJobMayGo() {
		assertThat(next(JobStatus.PENDING)).containsExactlyInAnyOrder(JobStatus.RUNNING, JobStatus.FAILED, JobStatus.CANCELLED);
		assertThat(next(JobStatus.RUNNING)).containsExactlyInAnyOrder(JobStatus.COMPLETED, JobStatus.FAILED,
				JobStatus.CANCELLED, JobStatus.PENDING);
	}

	@Test
	void finishedJobsStayFinished() {
		for (JobStatus done : EnumSet.of(JobStatus.COMPLETED, JobStatus.FAILED, JobStatus.CANCELLED)) {
			assertThat(done.isFinal()).as(done.name()).isTrue();
			assertThat(next(done)).as(done.name()).isEmpty();
		}
		assertThat(JobStatus.PENDING.isFinal()).isFalse();
		assertThat(JobStatus.RUNNING.isFinal()).isFalse();
		assertThat(JobStatus.PENDING.mayBecome(JobStatus.PENDING)).as("no change is not a transition").isFalse();
	}

	private static EnumSet<JobStatus> next(JobStatus from) {
		EnumSet<JobStatus> next = EnumSet.noneOf(JobStatus.class);
		for (JobStatus to : JobStatus.values()) {
			if (from.mayBecome(to)) {
				next.add(to);
			}
		}
		return next;
	}

}
