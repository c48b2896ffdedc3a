package com.spatialintel.video;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.spatialintel.video.auth.MallAccessRefused;
import com.spatialintel.video.auth.Role;
import com.spatialintel.video.auth.SignInRefused;
import com.spatialintel.video.auth.SignedIn;
import com.spatialintel.video.auth.UserChanged;
import com.spatialintel.video.library.StreamLinkIssued;
import com.spatialintel.video.mall.MallChanged;
import com.spatialintel.video.processing.JobType;
import com.spatialintel.video.processing.ProcessingJobCompleted;
import com.spatialintel.video.testing.ApiClient;
import com.spatialintel.video.testing.ApiResponse;
import com.spatialintel.video.testing.IntegrationTest;
import com.spatialintel.video.testing.Jobs;
import com.spatialintel.video.testing.TestDatabase;
import com.spatialintel.video.testing.TestVideos;
import com.spatialintel.video.testing.Uploads;
import com.spatialintel.video.upload.UploadCompleted;
import com.spatialintel.video.video.VideoDeleted;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Each change a module owns is published as a past-tense record carrying its facts, so that a
 * listener (the audit log) needs no row that may be gone by then. One journey through the API.
 */
@IntegrationTest
@Import(DomainEventsTests.Recorder.class)
@TestPropertySource(properties = "APP_ROLE=all")
class DomainEventsTests {

	@TestConfiguration
	static class Recorder {

		@Bean
		RecordedEvents recordedEvents() {
			return new RecordedEvents();
		}

	}

	/** Every event of the app's own types, in the order they came. */
	static class RecordedEvents {

		final List<Record> events = new CopyOnWriteArrayList<>();

		@EventListener
		void on(Record event) {
			if (event.getClass().getName().startsWith("com.spatialintel.video.")) {
				events.add(event);
			}
		}

		<T extends Record> List<T> of(Class<T> type) {
			return events.stream().filter(type::isInstance).map(type::cast).toList();
		}

		<T extends Record> T last(Class<T> type) {
			List<T> all = of(type);
			assertThat(all).as(type.getSimpleName() + " published").isNotEmpty();
			return all.get(all.size() - 1);
		}

	}

	/** The worker takes every queued job of its database: this class gets one of its own. */
	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		String url = TestDatabase.createForSession("siv_events");
		registry.add("spring.datasource.url", () -> url);
	}

	@Autowired
	ApiClient api;

	@Autowired
	RecordedEvents recorded;

	@Test
	void eachChangeIsPublishedWithItsFacts() {
		assertThat(api.loginFrom("203.0.113.7", "  Nobody@Test.Example ", "wrong-password").status()).isEqualTo(401);
		assertThat(recorded.of(SignInRefused.class)).singleElement().satisfies(refused -> {
			assertThat(refused.email()).isEqualTo("nobody@test.example");
			assertThat(refused.clientAddress()).isEqualTo("203.0.113.7");
			assertThat(refused.reason()).isEqualTo(SignInRefused.Reason.WRONG_CREDENTIALS);
		});

		String admin = api.adminToken();
		SignedIn signedIn = recorded.last(SignedIn.class);
		assertThat(signedIn.email()).isEqualTo(IntegrationTest.ADMIN_EMAIL);
		assertThat(signedIn.role()).isEqualTo(Role.ADMIN);
		UUID adminId = signedIn.userId();

		UUID mallId = api.createMall(admin);
		UUID pinId = api.createPin(admin, mallId);
		assertThat(recorded.of(MallChanged.class)).extracting(MallChanged::change, MallChanged::mallId,
				MallChanged::changedByUserId)
			.containsExactly(tuple(MallChanged.Change.MALL_CREATED, mallId, adminId),
					tuple(MallChanged.Change.PIN_CREATED, mallId, adminId));
		assertThat(recorded.last(MallChanged.class).pinId()).isEqualTo(pinId);

		String operator = api.tokenFor(admin, "OPERATOR", mallId);
		UserChanged created = recorded.last(UserChanged.class);
		assertThat(created.change()).isEqualTo(UserChanged.Change.CREATED);
		assertThat(created.role()).isEqualTo(Role.OPERATOR);
		assertThat(created.mallIds()).containsExactly(mallId);
		assertThat(created.changedByUserId()).isEqualTo(adminId);
		UUID otherMall = api.createMall(admin);
		assertThat(api.put("/api/users/" + created.userId() + "/malls", admin, Map.of("mall_ids", List.of(otherMall, mallId)))
			.status()).isEqualTo(200);
		UserChanged regranted = recorded.last(UserChanged.class);
		assertThat(regranted.change()).isEqualTo(UserChanged.Change.MALL_ACCESS_REPLACED);
		assertThat(regranted.mallIds()).containsExactlyInAnyOrder(mallId, otherMall);

		Path clip = TestVideos.small("events", 320, 240, false);
		ApiResponse completed = new Uploads(api, operator, mallId, pinId).uploadWhole(clip);
		UUID videoId = UUID.fromString(completed.text("video_id"));
		UUID jobId = UUID.fromString(completed.text("job_id"));
		assertThat(recorded.of(UploadCompleted.class)).singleElement().satisfies(uploaded -> {
			assertThat(uploaded.videoId()).isEqualTo(videoId);
			assertThat(uploaded.mallId()).isEqualTo(mallId);
			assertThat(uploaded.pinId()).isEqualTo(pinId);
			assertThat(uploaded.completedByUserId()).isEqualTo(created.userId());
			assertThat(uploaded.checksumSha256()).isEqualTo(TestVideos.sha256(clip));
			assertThat(uploaded.fileSizeBytes()).isEqualTo(TestVideos.size(clip));
		});
		JsonNode job = Jobs.await(api, admin, jobId, Jobs::isFinal);
		assertThat(job.path("status").asString()).isEqualTo("completed");
		assertThat(recorded.of(ProcessingJobCompleted.class)).singleElement().satisfies(done -> {
			assertThat(done.jobId()).isEqualTo(jobId);
			assertThat(done.videoId()).isEqualTo(videoId);
			assertThat(done.type()).isEqualTo(JobType.PROXY);
		});

		assertThat(api.get("/api/videos/" + videoId + "/stream-url", operator).status()).isEqualTo(200);
		assertThat(recorded.of(StreamLinkIssued.class)).singleElement().satisfies(issued -> {
			assertThat(issued.videoId()).isEqualTo(videoId);
			assertThat(issued.userId()).isEqualTo(created.userId());
			assertThat(issued.expiresAt()).isAfter(issued.issuedAt());
		});

		String stranger = api.tokenFor(admin, "VIEWER", otherMall);
		UUID strangerId = recorded.last(UserChanged.class).userId();
		assertThat(api.get("/api/videos/" + videoId, stranger).status()).isEqualTo(404);
		assertThat(api.get("/api/analysis/jobs/" + jobId, stranger).status()).isEqualTo(404);
		assertThat(recorded.of(MallAccessRefused.class)).extracting(MallAccessRefused::userId, MallAccessRefused::mallId,
				MallAccessRefused::resource, MallAccessRefused::resourceId)
			.containsExactly(tuple(strangerId, mallId, "Video", videoId),
					tuple(strangerId, mallId, "Job", jobId));

		assertThat(api.delete("/api/videos/" + videoId, operator).status()).isEqualTo(204);
		assertThat(recorded.of(VideoDeleted.class)).singleElement().satisfies(deleted -> {
			assertThat(deleted.videoId()).isEqualTo(videoId);
			assertThat(deleted.filename()).isEqualTo(clip.getFileName().toString());
			assertThat(deleted.checksumSha256()).isEqualTo(TestVideos.sha256(clip));
			assertThat(deleted.deletedByUserId()).isEqualTo(created.userId());
		});
	}

}
