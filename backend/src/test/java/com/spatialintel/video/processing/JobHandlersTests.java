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

		assertThat(new JobHandlers(List.of(proxy)).of(JobType.PROXY)).isSameAs(proxy);
	}

	@Test
	void aTypeWithTwoHandlersOrNoneStopsTheStart() {
		assertThatThrownBy(() -> new JobHandlers(List.of(handler(JobType.PROXY), handler(JobType.PROXY))))
			.hasMessageContaining("Job type PROXY has two handlers");
		assertThatThrownBy(() -> new JobHandlers(List.of())).hasMessage("Job type PROXY has no handler");
	}

	@Test
	void typesAreNamedAsTheApiWritesThem() {
		assertThat(JobType.named("proxy")).contains(JobType.PROXY);
		assertThat(JobType.named("PROXY")).isEmpty();
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
