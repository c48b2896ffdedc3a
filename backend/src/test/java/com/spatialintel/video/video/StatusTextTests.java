package com.spatialintel.video.video;

import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The stored and sent words of the statuses do not depend on the JVM's language (tr-TR: I ≠ ı). */
class StatusTextTests {

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
	void everyStatusReadsTheSameOnATurkishJvm() {
		for (ProcessingStatus status : ProcessingStatus.values()) {
			assertThat(status.value()).isEqualTo(status.name().toLowerCase(Locale.ROOT));
			assertThat(ProcessingStatus.of(status.value())).isEqualTo(status);
		}
		for (UploadStatus status : UploadStatus.values()) {
			assertThat(status.value()).isEqualTo(status.name().toLowerCase(Locale.ROOT));
			assertThat(UploadStatus.of(status.value())).isEqualTo(status);
		}
		assertThat(ProcessingStatus.FAILED.value()).isEqualTo("failed");
		assertThat(UploadStatus.UPLOADING.value()).isEqualTo("uploading");
	}

}
