package com.spatialintel.video.upload;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.spatialintel.video.storage.MultipartUploads;
import com.spatialintel.video.storage.ObjectStorage;
import com.spatialintel.video.testing.ApiClient;
import com.spatialintel.video.testing.IntegrationTest;
import com.spatialintel.video.testing.TenantFixture;
import com.spatialintel.video.testing.TestDatabase;
import com.spatialintel.video.testing.TestVideos;
import com.spatialintel.video.video.VideoDeletionPolicy;
import com.spatialintel.video.video.Videos;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failing abandoned uploads page by page: with pages of 2, five stuck uploads take three pages, and
 * every one of them is failed (with pages of 500, no test would ever fill one).
 */
@IntegrationTest
@TestPropertySource(properties = { "STUCK_UPLOAD_THRESHOLD_HOURS=0", "APP_ROLE=web" })
class AbandonedUploadsTests extends TenantFixture {

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		String url = TestDatabase.createForSession("siv_abandoned");
		registry.add("spring.datasource.url", () -> url);
	}

	@Autowired
	Videos videos;

	@Autowired
	ObjectStorage storage;

	@Autowired
	MultipartUploads multipart;

	@Autowired
	UploadSettings settings;

	@Autowired
	VideoDeletionPolicy policy;

	@Autowired
	Clock clock;

	@Test
	void everyStuckUploadIsFailedWhenTheyFillSeveralPages() {
		List<UUID> stuck = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			stuck.add(UUID.fromString(uploads.initiate(ApiClient.unique("paged") + ".mp4", 30_000_000,
					TestVideos.sha256Of(UUID.randomUUID().toString())).text("video_id")));
		}

		int failed = new AbandonedUploads(videos, storage, multipart, settings, policy, clock, 2).failAbandoned();

		assertThat(failed).isEqualTo(5);
		assertThat(stuck).allSatisfy(videoId -> assertThat(videos.find(videoId)).get()
			.satisfies(video -> assertThat(video.uploadStatus().value()).isEqualTo("failed")));
	}

}
