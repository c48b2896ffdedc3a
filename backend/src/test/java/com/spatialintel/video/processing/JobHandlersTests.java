package com.spatialintel.video.processing;

import java.util.List;

import com.spatialintel.video.testing.UnitTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every job type has exactly one handler, or the app does not start. */
@UnitTest
class JobHandlersTests {

	@Test
	void eachTypeFindsItsOneHandler() {
		JobHandler proxy = handler(JobType.PROXY);
		JobHandler motion = handler(JobType.MOTION_INDEX);

		JobHandlers handlers = new JobHandlers(List.of(proxy, motion));
		assertThat(handlers.of(JobType.PROXY)).isSameAs(proxy);
		assertThat(handlers.of(JobType.MOTION_INDEX)).isSameAs(motion);
	}

	@Test
	void aTypeWithTwoHandlersOrNoneStopsTheStart() {
		assertThatThrownBy(() -> new JobHandlers(List.of(handler(JobType.PROXY), handler(JobType.PROXY))))
			.hasMessageContaining("Job type PROXY has two handlers");
		assertThatThrownBy(() -> new JobHandlers(List.of())).hasMessage("Job type PROXY has no handler");
		assertThatThrownBy(() -> new JobHandlers(List.of(handler(JobType.PROXY)))).hasMessage("Job type MOTION_INDEX has no handler");
	}

	@Test
	void typesAreNamedAsTheApiWritesThem() {
		assertThat(JobType.named("proxy")).contains(JobType.PROXY);
		assertThat(JobType.named("PROXY")).isEmpty();
		assertThat(JobType.named("motion_index")).contains(JobType.MOTION_INDEX);
		assertThat(JobType.named("motion")).isEmpty();
	}

	private static JobHandler handler(JobType type) {
		return new JobHandler() {

			@Override
			public JobType type() {
				return type;
			}

			@Override
			public void run(RunningJob job) {
			}

		};
	}

}
