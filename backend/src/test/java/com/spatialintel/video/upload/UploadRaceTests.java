package com.spatialintel.video.upload;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.spatialintel.video.storage.MultipartUploads;
import com.spatialintel.video.storage.ObjectStorage;
import com.spatialintel.video.testing.ApiResponse;
import com.spatialintel.video.testing.IntegrationTest;
import com.spatialintel.video.testing.TenantFixture;
import com.spatialintel.video.testing.TestVideos;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests racing on one upload, released together by a latch: whatever the order, every answer is
 * true, and no object is ever left in the bucket without a row.
 */
@IntegrationTest
@TestPropertySource(properties = "PART_SIZE_BYTES=5242880")
class UploadRaceTests extends TenantFixture {

	@Autowired
	ObjectStorage storage;

	@Autowired
	MultipartUploads multipart;

	@Autowired
	JdbcClient jdbc;

	private final ExecutorService pool = Executors.newFixedThreadPool(20);

	@AfterEach
	void stopPool() {
		pool.shutdownNow();
	}

	@Test
	void twentyCompletesAtOnceAllAnswerWithTheSameJob() throws Exception {
		Path video = TestVideos.mp4("twenty-completes", 12);
		ApiResponse initiated = uploads.initiate(video);
		UUID videoId = UUID.fromString(initiated.text("video_id"));
		Map<Integer, String> etags = uploads.putParts(initiated.body(), video);

		List<ApiResponse> answers = together(20, Duration.ofMillis(15), () -> uploads.complete(videoId, etags));

		assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isEqualTo(200));
		assertThat(answers.stream().map(answer -> answer.text("job_id")).distinct()).hasSize(1)
			.doesNotContainNull();
		assertThat(answers.stream().map(answer -> answer.text("video_id") + " " + answer.text("upload_status")).distinct())
			.containsExactly(videoId + " uploaded");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM processing_jobs WHERE video_id = ?").param(videoId)
			.query(Long.class).single()).isEqualTo(1);
	}

	/** Far longer than an abort (a row and a multipart upload) or a complete's claim takes. */
	private static final Duration HEAD_START = Duration.ofMillis(500);

	@Test
	void completeAndAbortAtOnceHaveOneWinnerAndLeaveNoObjectWithoutARow() throws Exception {
		int completeWon = 0;
		int abortWon = 0;
		for (int round = 0; round < 8; round++) {
			Path video = TestVideos.mp4("complete-or-abort-" + round, 6);
			ApiResponse initiated = uploads.initiate(video);
			UUID videoId = UUID.fromString(initiated.text("video_id"));
			Map<Integer, String> etags = uploads.putParts(initiated.body(), video);
			String key = mallId + "/" + pinId + "/" + videoId + "/original.mp4";

			// every fourth round each side gets a head start, so that both outcomes must occur; the rest race
			long completeDelay = round % 4 == 0 ? HEAD_START.toMillis() : 0;
			long abortDelay = round % 4 == 1 ? HEAD_START.toMillis() : 0;
			List<ApiResponse> answers = together(List.of(() -> {
				Thread.sleep(completeDelay);
				return uploads.complete(videoId, etags);
			}, () -> {
				Thread.sleep(abortDelay);
				return api.delete(uploads.path("/" + videoId), admin);
			}));
			ApiResponse complete = answers.get(0);
			ApiResponse abort = answers.get(1);
			boolean hasRow = jdbc.sql("SELECT COUNT(*) FROM videos WHERE id = ?").param(videoId)
				.query(Long.class).single() == 1;

			if (complete.status() == 200) {
				completeWon++;
				assertThat(abort.status()).as(abort.toString()).isEqualTo(409);
				assertThat(abort.detail()).isIn(
						"This upload is being completed at this moment, so it cannot be aborted; once it is complete, "
								+ "delete the video with DELETE /api/videos/" + videoId + ".",
						"This upload is complete; delete the video with DELETE /api/videos/" + videoId + " instead.");
				assertThat(hasRow).isTrue();
				assertThat(storage.head(key)).isPresent();
			}
			else {
				abortWon++;
				assertThat(abort.status()).as(abort.toString()).isEqualTo(204);
				assertThat(complete.status()).as(complete.toString()).isEqualTo(404);
				assertThat(complete.detail()).isEqualTo("Upload " + videoId + " was not found.");
				assertThat(hasRow).isFalse();
				assertThat(storage.head(key)).as("no object without a row").isEmpty();
				assertThat(multipart.listPending())
					.noneMatch(upload -> upload.uploadId().equals(initiated.text("upload_id")));
			}
		}
		assertThat(completeWon).as("rounds the complete won").isGreaterThanOrEqualTo(2);
		assertThat(abortWon).as("rounds the abort won").isGreaterThanOrEqualTo(2);
	}

	@Test
	void anAbortWhileACompleteHoldsTheUploadIsRefusedWithASentence() {
		Path video = TestVideos.mp4("claimed", 6);
		ApiResponse initiated = uploads.initiate(video);
		UUID videoId = UUID.fromString(initiated.text("video_id"));
		uploads.putParts(initiated.body(), video);
		jdbc.sql("UPDATE videos SET completing_until = CURRENT_TIMESTAMP + INTERVAL '10 minutes' WHERE id = ?")
			.param(videoId)
			.update();

		ApiResponse abort = api.delete(uploads.path("/" + videoId), admin);
		jdbc.sql("UPDATE videos SET completing_until = CURRENT_TIMESTAMP - INTERVAL '1 second' WHERE id = ?")
			.param(videoId)
			.update();
		ApiResponse completeAfterTheClaimLapsed = uploads.completeWithoutReceipts(videoId);

		assertThat(abort.status()).isEqualTo(409);
		assertThat(abort.header("Content-Type")).isEqualTo("application/problem+json");
		assertThat(abort.detail()).startsWith("This upload is being completed at this moment");
		assertThat(completeAfterTheClaimLapsed.status()).as("a lapsed claim is taken over")
			.isEqualTo(200);
	}

	/**
	 * Copies of one call, the n-th started n × {@code stagger} after the first, so that some arrive
	 * while the first works and some after it assembled the file.
	 */
	private List<ApiResponse> together(int copies, Duration stagger, Callable<ApiResponse> call) throws Exception {
		List<Callable<ApiResponse>> calls = new ArrayList<>();
		for (int copy = 0; copy < copies; copy++) {
			long delay = stagger.toMillis() * copy;
			calls.add(() -> {
				Thread.sleep(delay);
				return call.call();
			});
		}
		return together(calls);
	}

	/** Starts the calls at the same instant and answers in the order given. */
	private List<ApiResponse> together(List<Callable<ApiResponse>> calls) throws Exception {
		CountDownLatch ready = new CountDownLatch(calls.size());
		CountDownLatch go = new CountDownLatch(1);
		List<Future<ApiResponse>> running = new ArrayList<>();
		for (Callable<ApiResponse> call : calls) {
			running.add(pool.submit(() -> {
				ready.countDown();
				go.await();
				return call.call();
			}));
		}
		ready.await();
		go.countDown();
		List<ApiResponse> answers = new ArrayList<>();
		for (Future<ApiResponse> answer : running) {
			answers.add(answer.get());
		}
		return answers;
	}

}
