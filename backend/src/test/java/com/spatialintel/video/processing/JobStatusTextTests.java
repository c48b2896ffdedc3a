package com.spatialintel.video.processing;

import java.util.Locale;

import com.spatialintel.video.testing.TurkishLocale;
import com.spatialintel.video.testing.UnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** Job statuses and types are stored as the same words on a tr-TR JVM (where "I" lowers to "ı"). */
@UnitTest
@ExtendWith(TurkishLocale.class)
class JobStatusTextTests {

	@Test
	void everyJobStatusAndTypeReadsTheSameOnATurkishJvm() {
		for (JobStatus status : JobStatus.values()) {
			assertThat(status.value()).isEqualTo(status.name().toLowerCase(Locale.ROOT));
			assertThat(JobStatus.of(status.value())).isEqualTo(status);
		}
		assertThat(JobStatus.FAILED.value()).isEqualTo("failed");
		assertThat(JobStatus.PENDING.value()).isEqualTo("pending");
		assertThat(JobType.PROXY.value()).isEqualTo("proxy");
	}

}
