package com.spatialintel.video.video;

import java.util.Locale;

import com.spatialintel.video.testing.TurkishLocale;
import com.spatialintel.video.testing.UnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** The stored and sent words of the statuses do not depend on the JVM's language (tr-TR: I ≠ ı). */
@UnitTest
@ExtendWith(TurkishLocale.class)
class StatusTextTests {

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
