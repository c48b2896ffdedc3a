package com.spatialintel.video.processing;

import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Job statuses and types are stored as the same words on a tr-TR JVM (where "I" lowers to "ı"). */
class JobStatusTextTests {

	private Locale before;

	@BeforeEach
	void turkish() {
		before = Locale.getDefault();
		Locale.setDefault(Locale.forLanguageTag("tr-TR"));
	}

	@AfterEach
	void restore() {
		Locale.setDefault(before);
	}

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
