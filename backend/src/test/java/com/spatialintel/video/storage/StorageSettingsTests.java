package com.spatialintel.video.storage;

import java.util.List;

import com.spatialintel.video.testing.UnitTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Settings may be logged: their text never carries the S3 secret key. */
@UnitTest
class StorageSettingsTests {

	@Test
	void theSecretKeyIsMaskedInTheText() {
		StorageSettings settings = new StorageSettings("http://minio:9000", null, "access-key", "s3-secret-key-value",
				"videos", "us-east-1", false, 9000, List.of(), 200);

		assertThat(settings.toString()).doesNotContain("s3-secret-key-value")
			.contains("accessKey=access-key", "secretKey=(set, 19 characters)", "bucket=videos");
	}

}
