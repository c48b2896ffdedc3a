package com.spatialintel.video.video;

import java.util.EnumSet;
import java.util.Set;

import com.spatialintel.video.testing.UnitTest;
import org.junit.jupiter.api.Test;

import static com.spatialintel.video.video.ProcessingStatus.COMPLETED;
import static com.spatialintel.video.video.ProcessingStatus.FAILED;
import static com.spatialintel.video.video.ProcessingStatus.PENDING;
import static com.spatialintel.video.video.ProcessingStatus.QUEUED;
import static com.spatialintel.video.video.ProcessingStatus.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;

/** The video's processing statuses: the table, and the changes the repository makes, agree both ways. */
@UnitTest
class ProcessingTransitionTests {

	@Test
	void everyChangeTheRepositoryMakesIsAllowedByTheTable() {
		for (ProcessingTransition transition : ProcessingTransition.values()) {
			for (ProcessingStatus from : transition.from()) {
				assertThat(from.mayBecome(transition.to())).as(transition + " from " + from).isTrue();
			}
		}
	}

	@Test
	void everyChangeTheTableAllowsIsMadeBySomeTransition() {
		for (ProcessingStatus from : ProcessingStatus.values()) {
			for (ProcessingStatus to : ProcessingStatus.values()) {
				boolean made = EnumSet.allOf(ProcessingTransition.class)
					.stream()
					.anyMatch(transition -> transition.to() == to && transition.from().contains(from));
				assertThat(made).as(from + " -> " + to).isEqualTo(from.mayBecome(to));
			}
		}
	}

	@Test
	void finishedVideosOnlyStartOverThroughReprocessing() {
		for (ProcessingStatus finished : Set.of(COMPLETED, FAILED)) {
			assertThat(EnumSet.allOf(ProcessingStatus.class).stream().filter(finished::mayBecome)).containsExactly(PENDING);
		}
		assertThat(PENDING.mayBecome(COMPLETED)).as("a proxy is made by a running job only").isFalse();
		assertThat(QUEUED.mayBecome(PENDING)).isFalse();
		assertThat(RUNNING.mayBecome(RUNNING)).as("a job taken up again after its worker fell silent").isTrue();
	}

	@Test
	void theGuardsAreTheSqlOfTheTable() {
		assertThat(ProcessingTransition.FAIL.guard()).isEqualTo("processing_status IN ('pending', 'queued', 'running')");
		assertThat(ProcessingTransition.FAIL.set()).isEqualTo("processing_status = 'failed'");
		assertThat(ProcessingTransition.REPROCESS.guard()).isEqualTo("processing_status IN ('completed', 'failed')");
	}

}
