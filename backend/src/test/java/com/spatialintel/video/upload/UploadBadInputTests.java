package com.spatialintel.video.upload;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import com.spatialintel.video.storage.MultipartUploads;
import com.spatialintel.video.storage.ObjectStorage;
import com.spatialintel.video.testing.ApiResponse;
import com.spatialintel.video.testing.IntegrationTest;
import com.spatialintel.video.testing.TenantFixture;
import com.spatialintel.video.testing.TestS3Server;
import com.spatialintel.video.testing.TestVideos;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every refusal the upload API owes: a 4xx (or 503) with a sentence, and no data lost or half made. */
@IntegrationTest
@TestPropertySource(properties = { "PART_SIZE_BYTES=5242880", "MAX_UPLOAD_BYTES=3221225472" })
class UploadBadInputTests extends TenantFixture {

	@Override
	protected String uploaderToken() {
		return api.tokenFor(admin, "OPERATOR", mallId);
	}

	private static final String CHECKSUM = "0123456789abcdef".repeat(4);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectStorage storage;

	@Autowired
	MultipartUploads multipart;

	@Test
	void aNameThatIsNotMp4Is400() {
		ApiResponse response = uploads.initiate("clip.avi", 1000, CHECKSUM);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.detail()).isEqualTo(
				"The request is invalid: filename must be the name of an .mp4 file (only MP4 files are accepted).");
		assertThat(uploads.initiate("CLIP.MP4", 1000, CHECKSUM).status()).isEqualTo(201);
	}

	@Test
	void sizeZeroOrNegativeIs400() {
		assertThat(uploads.initiate("a.mp4", 0, CHECKSUM).detail())
			.isEqualTo("The request is invalid: file_size_bytes must be greater than 0.");
		assertThat(uploads.initiate("a.mp4", -5, CHECKSUM).status()).isEqualTo(400);
	}

	@Test
	void aSizeOverTheLimitIs400AndStatesTheLimit() {
		ApiResponse response = uploads.initiate("huge.mp4", 3221225473L, CHECKSUM);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.detail()).isEqualTo(
				"file_size_bytes is 3221225473 bytes, over the limit of 3221225472 bytes (3.0 GiB); split the recording or raise MAX_UPLOAD_BYTES.");
	}

	@Test
	void aSizeBeyondAnyNumberIs400() {
		ApiResponse response = api.post(uploads.path("/initiate"), admin,
				"{\"filename\":\"a.mp4\",\"file_size_bytes\":99999999999999999999999,\"checksum_sha256\":\"" + CHECKSUM + "\"}");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.detail()).isEqualTo("file_size_bytes is a number out of range.");
	}

	@Test
	void aSizeOrPartNumberThatIsNotAWholeNumberIs400() {
		for (String size : List.of("1.5", "1e3", "1e40", "1000.0", "\"443868\"", "true", "\"\"")) {
			ApiResponse response = api.post(uploads.path("/initiate"), admin,
					"{\"filename\":\"a.mp4\",\"file_size_bytes\":" + size + ",\"checksum_sha256\":\"" + CHECKSUM + "\"}");

			assertThat(response.status()).as(size).isEqualTo(400);
			assertThat(response.detail()).as(size).startsWith("file_size_bytes must be a whole number");
		}
	}

	@Test
	void aRecordingTimeMustBeAnIsoInstantBetween1970And2200() {
		for (String recordedAt : List.of("1e300", "1.5", "1700000000", "\"+1000000000-01-01T00:00:00Z\"",
				"\"-1000000000-01-01T00:00:00Z\"", "\"1969-12-31T23:59:59Z\"", "\"2200-01-01T00:00:00Z\"",
				"\"2026-11-01T08:00:00\"", "\"yesterday\"")) {
			ApiResponse response = api.post(uploads.path("/initiate"), admin, "{\"filename\":\"a.mp4\",\"file_size_bytes\":1000,"
					+ "\"checksum_sha256\":\"" + CHECKSUM + "\",\"metadata\":{\"recorded_at\":" + recordedAt + "}}");

			assertThat(response.status()).as(recordedAt).isEqualTo(400);
			assertThat(response.detail()).as(recordedAt).startsWith("metadata.recorded_at must be");
		}
	}

	@Test
	void aFileNameOrNotesWithControlOrTextDirectionCharactersAre400() {
		for (String filename : List.of("\u202Egpj.mp4", "a\nb.mp4", "nul\u0000.mp4", "c1\u0085.mp4")) {
			ApiResponse response = uploads.initiate(filename, 1000, CHECKSUM);
			assertThat(response.status()).as(filename).isEqualTo(400);
			assertThat(response.detail()).as(filename).contains("filename must not contain control characters");
		}
		ApiResponse notes = api.post(uploads.path("/initiate"), admin, Map.of("filename", "notes.mp4", "file_size_bytes", 1000,
				"checksum_sha256", CHECKSUM, "metadata", Map.of("operator_notes", "door\u202E left open")));
		assertThat(notes.status()).isEqualTo(400);
		assertThat(notes.detail()).contains("metadata.operator_notes must not contain control characters");
	}

	@Test
	void aFieldGivenTwiceOrJsonWithCommentsIs400WithoutNamingParserSettings() {
		ApiResponse twice = api.post(uploads.path("/initiate"), admin, "{\"filename\":\"a.mp4\",\"file_size_bytes\":1000,"
				+ "\"file_size_bytes\":2000,\"checksum_sha256\":\"" + CHECKSUM + "\"}");
		assertThat(twice.status()).isEqualTo(400);
		assertThat(twice.detail()).isEqualTo("The request body gives \"file_size_bytes\" more than once; give each field once.");

		ApiResponse comment = api.post(uploads.path("/initiate"), admin, "{/* size */ \"filename\":\"a.mp4\"}");
		assertThat(comment.status()).isEqualTo(400);
		assertThat(comment.detail()).startsWith("The request body is not valid JSON (line 1, column")
			.doesNotContain("Feature", "ALLOW_", "enable");
	}

	@Test
	void aChecksumThatIsNot64HexCharactersIs400() {
		for (String bad : new String[] { "abc", CHECKSUM + "0", "z".repeat(64), "" }) {
			ApiResponse response = uploads.initiate("a.mp4", 1000, bad);
			assertThat(response.status()).as(bad).isEqualTo(400);
			assertThat(response.detail()).as(bad).contains("checksum_sha256");
		}
	}

	@Test
	void aPinOfAnotherMallIs404() {
		UUID otherPin = api.createPin(admin, api.createMall(admin));

		ApiResponse response = api.post("/api/malls/" + mallId + "/pins/" + otherPin + "/uploads/initiate", admin,
				Map.of("filename", "a.mp4", "file_size_bytes", 1000, "checksum_sha256", CHECKSUM));

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.detail()).isEqualTo("Pin " + otherPin + " was not found.");
	}

	@Test
	void aMallTheUserIsNotGrantedIs404() {
		UUID otherMall = api.createMall(admin);
		UUID otherPin = api.createPin(admin, otherMall);
		String operatorOfFirstMall = api.tokenFor(admin, "OPERATOR", mallId);

		ApiResponse response = api.post("/api/malls/" + otherMall + "/pins/" + otherPin + "/uploads/initiate",
				operatorOfFirstMall, Map.of("filename", "a.mp4", "file_size_bytes", 1000, "checksum_sha256", CHECKSUM));

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.detail()).isEqualTo("Mall " + otherMall + " was not found.");
	}

	@Test
	void aViewerMayNotUpload() {
		String viewer = api.tokenFor(admin, "VIEWER", mallId);

		ApiResponse response = api.post(uploads.path("/initiate"), viewer,
				Map.of("filename", "a.mp4", "file_size_bytes", 1000, "checksum_sha256", CHECKSUM));

		assertThat(response.status()).isEqualTo(403);
		assertThat(response.detail()).isEqualTo("Your role does not allow this action.");
	}

	@Test
	void completeWithAWrongEtagNamesThePart() {
		Path video = TestVideos.mp4("wrong-etag", 12);
		ApiResponse initiated = uploads.initiate(video);
		UUID videoId = UUID.fromString(initiated.text("video_id"));
		Map<Integer, String> etags = uploads.putParts(initiated.body(), video);
		etags.put(2, "\"00000000000000000000000000000000\"");

		ApiResponse response = uploads.complete(videoId, etags);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.detail()).startsWith("The ETag given for part 2 does not match the part in storage");
		assertThat(api.get("/api/videos/" + videoId, admin).text("upload_status")).isEqualTo("uploading");
	}

	@Test
	void completeWithAPartLeftOutOfTheReceiptsNamesThePart() {
		Path video = TestVideos.mp4("left-out", 12);
		ApiResponse initiated = uploads.initiate(video);
		UUID videoId = UUID.fromString(initiated.text("video_id"));
		Map<Integer, String> etags = uploads.putParts(initiated.body(), video);
		etags.remove(3);

		ApiResponse response = uploads.complete(videoId, etags);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.detail()).isEqualTo("Part 3 is missing from parts; list all 3 parts.");
	}

	@Test
	void completeWithAPartNeverUploadedNamesThePart() {
		Path video = TestVideos.mp4("never-uploaded", 12);
		ApiResponse initiated = uploads.initiate(video);
		UUID videoId = UUID.fromString(initiated.text("video_id"));
		uploads.putParts(initiated.body(), video, 1, 2);

		ApiResponse withoutReceipts = uploads.completeWithoutReceipts(videoId);
		ApiResponse withReceipts = uploads.complete(videoId, Map.of(1, "\"x\"", 2, "\"y\"", 3, "\"z\""));

		assertThat(withoutReceipts.status()).isEqualTo(400);
		assertThat(withoutReceipts.detail()).isEqualTo("Part 3 has not been uploaded yet; upload it before completing.");
		assertThat(withReceipts.status()).isEqualTo(400);
	}

	@Test
	void receiptsWithImpossiblePartNumbersAre400() {
		Path video = TestVideos.mp4("impossible", 6);
		ApiResponse initiated = uploads.initiate(video);
		UUID videoId = UUID.fromString(initiated.text("video_id"));

		assertThat(uploads.complete(videoId, Map.of(0, "\"a\"")).detail())
			.isEqualTo("parts contains part_number 0; this upload has parts 1 to 2.");
		assertThat(api.post(uploads.path("/" + videoId + "/complete"), admin,
				"{\"parts\":[{\"part_number\":1,\"etag\":\"a\"},{\"part_number\":1,\"etag\":\"a\"}]}").detail())
			.isEqualTo("parts lists part 1 twice.");
		assertThat(api.post(uploads.path("/" + videoId + "/complete"), admin, "{\"parts\":[{\"etag\":\"a\"}]}").status())
			.isEqualTo(400);
	}

	@Test
	void signingPartsOutsideTheUploadIs400() {
		ApiResponse initiated = uploads.initiate("a.mp4", 12 * 1024 * 1024, CHECKSUM);
		String parts = uploads.path("/" + initiated.text("video_id") + "/parts");

		assertThat(api.post(parts, admin, Map.of("part_numbers", List.of(4))).detail())
			.isEqualTo("part_numbers contains 4; this upload has parts 1 to 3.");
		assertThat(api.post(parts, admin, Map.of("part_numbers", List.of(0))).status()).isEqualTo(400);
		assertThat(api.post(parts, admin, Map.of("part_numbers", List.of())).status()).isEqualTo(400);
		assertThat(api.post(parts, admin, Map.of("part_numbers", IntStream.rangeClosed(1, 1001).boxed().toList())).status())
			.isEqualTo(400);
	}

	@Test
	void completingAnUnknownOrAbortedUploadIs404() {
		ApiResponse initiated = uploads.initiate("a.mp4", 1000, CHECKSUM);
		UUID videoId = UUID.fromString(initiated.text("video_id"));
		api.delete(uploads.path("/" + videoId), admin);
		UUID unknown = UUID.randomUUID();

		ApiResponse aborted = uploads.completeWithoutReceipts(videoId);
		ApiResponse missing = uploads.completeWithoutReceipts(unknown);

		assertThat(aborted.status()).isEqualTo(404);
		assertThat(aborted.detail()).isEqualTo("Upload " + videoId + " was not found.");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(api.get(uploads.path("/" + unknown + "/parts"), admin).status()).isEqualTo(404);
	}

	@Test
	void anUploadOfAnotherPinIs404() {
		ApiResponse initiated = uploads.initiate("a.mp4", 1000, CHECKSUM);
		UUID otherPin = api.createPin(admin, mallId);

		ApiResponse response = api.sendRaw("POST", "/api/malls/" + mallId + "/pins/" + otherPin + "/uploads/"
				+ initiated.text("video_id") + "/complete", admin, null, null);

		assertThat(response.status()).isEqualTo(404);
	}

	@Test
	void aVideoOfAMallTheUserIsNotGrantedIs404AndAMalformedIdIs400() {
		UUID videoId = UUID.fromString(uploads.initiate("seen.mp4", 1000, CHECKSUM).text("video_id"));
		String viewerOfMall = api.tokenFor(admin, "VIEWER", mallId);
		String viewerOfOtherMall = api.tokenFor(admin, "VIEWER", api.createMall(admin));

		assertThat(api.get("/api/videos/" + videoId, viewerOfMall).status()).isEqualTo(200);
		ApiResponse hidden = api.get("/api/videos/" + videoId, viewerOfOtherMall);
		assertThat(hidden.status()).isEqualTo(404);
		assertThat(hidden.detail()).isEqualTo("Video " + videoId + " was not found.");
		assertThat(api.get("/api/videos/" + UUID.randomUUID(), admin).status()).isEqualTo(404);
		assertThat(api.get("/api/videos/12345", admin).status()).isEqualTo(400);
	}

	@Test
	void randomBytesNamedMp4Are422AndTheVideoIsFailed() {
		Path fake = TestVideos.randomBytes("fake", 300_000);
		ApiResponse initiated = uploads.initiate(fake);
		UUID videoId = UUID.fromString(initiated.text("video_id"));
		Map<Integer, String> etags = uploads.putParts(initiated.body(), fake);

		ApiResponse response = uploads.complete(videoId, etags);

		assertThat(response.status()).isEqualTo(422);
		// random bytes may also pass for some audio format, which then has no video stream
		assertThat(response.detail()).matches("The file is not a video that can be read \\(.*\\)\\.|The file has no video stream\\.")
			.doesNotContain("http")
			.doesNotContain("Signature");
		ApiResponse details = api.get("/api/videos/" + videoId, admin);
		assertThat(details.text("upload_status")).isEqualTo("failed");
		assertThat(details.text("processing_error")).isEqualTo(response.detail());
		assertThat(storage.head(mallId + "/" + pinId + "/" + videoId + "/original.mp4")).isEmpty();
		assertThat(uploads.completeWithoutReceipts(videoId).status()).isEqualTo(409);
	}

	@Test
	void fiftyConcurrentInitiatesOfOneFileMakeExactlyOneVideo() throws Exception {
		String checksum = TestVideos.sha256(TestVideos.randomBytes("concurrent", 1000));
		ExecutorService pool = Executors.newFixedThreadPool(50);
		List<Callable<ApiResponse>> calls = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			calls.add(() -> uploads.initiate("same.mp4", 12 * 1024 * 1024, checksum));
		}
		List<ApiResponse> answers = new ArrayList<>();
		try {
			for (Future<ApiResponse> answer : pool.invokeAll(calls)) {
				answers.add(answer.get());
			}
		}
		finally {
			pool.shutdownNow();
		}

		Set<String> videoIds = new HashSet<>();
		answers.forEach(answer -> {
			assertThat(answer.status()).as(answer.toString()).isIn(200, 201);
			videoIds.add(answer.text("video_id"));
		});
		assertThat(videoIds).hasSize(1);
		assertThat(answers.stream().filter(answer -> answer.status() == 201)).hasSize(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM videos WHERE checksum_sha256 = ?").param(checksum).query(Long.class).single())
			.isEqualTo(1);
		String uploadId = answers.get(0).text("upload_id");
		assertThat(answers).allSatisfy(answer -> assertThat(answer.text("upload_id")).isEqualTo(uploadId));
		assertThat(multipart.listPending().stream()
			.filter(upload -> upload.key().contains(videoIds.iterator().next()))).hasSize(1);
	}

	@Test
	void s3DownDuringInitiateIs503AndLeavesNoRow() {
		String checksum = TestVideos.sha256(TestVideos.randomBytes("s3-down-initiate", 1000));
		ApiResponse response = TestS3Server.whileStopped(() -> uploads.initiate("down.mp4", 1000, checksum));

		assertThat(response.status()).isEqualTo(503);
		assertThat(response.detail()).isEqualTo(
				"The video store (S3) cannot be reached right now; nothing was changed. Try again in a minute.");
		assertThat(response.header("Retry-After")).isEqualTo("30");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM videos WHERE checksum_sha256 = ?").param(checksum).query(Long.class).single())
			.isZero();
	}

	@Test
	void s3DownDuringCompleteIs503AndTheUploadCanBeCompletedLater() {
		Path video = TestVideos.mp4("s3-down-complete", 6);
		ApiResponse initiated = uploads.initiate(video);
		UUID videoId = UUID.fromString(initiated.text("video_id"));
		Map<Integer, String> etags = uploads.putParts(initiated.body(), video);
		ApiResponse whileDown = TestS3Server.whileStopped(() -> uploads.complete(videoId, etags));

		assertThat(whileDown.status()).isEqualTo(503);
		assertThat(api.get("/api/videos/" + videoId, admin).text("upload_status")).isEqualTo("uploading");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM processing_jobs WHERE video_id = ?").param(videoId).query(Long.class).single())
			.isZero();
		assertThat(uploads.complete(videoId, etags).status()).isEqualTo(200);
	}

}
