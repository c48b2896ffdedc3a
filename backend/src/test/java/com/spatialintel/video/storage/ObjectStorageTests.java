package com.spatialintel.video.storage;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import com.spatialintel.video.testing.TestS3Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The storage API against the run's real S3Proxy, in a bucket of this class's own. */
class ObjectStorageTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static S3Connection connection;

	private static ObjectStorage storage;

	private static MultipartUploads multipart;

	private static RangeReads reads;

	@TempDir
	Path temp;

	@BeforeAll
	static void createBucket() {
		String bucket = "siv-object-storage-" + Long.toHexString(System.nanoTime()).toLowerCase(Locale.ROOT);
		StorageSettings settings = new StorageSettings(TestS3Server.endpoint(), null, TestS3Server.ACCESS_KEY,
				TestS3Server.SECRET_KEY, bucket, "us-east-1", false, 0, List.of(), 50);
		URI endpoint = URI.create(TestS3Server.endpoint());
		connection = new S3Connection(settings, new S3Endpoints(endpoint, URI.create("http://localhost:" + endpoint.getPort())));
		storage = new ObjectStorage(connection);
		multipart = new MultipartUploads(connection);
		reads = new RangeReads(connection);
		storage.ensureBucket(List.of());
		storage.ensureBucket(List.of("http://localhost:8080"));
	}

	@AfterAll
	static void close() {
		connection.destroy();
	}

	@Test
	void uploadHeadDownloadAndDeleteRoundTrip() throws Exception {
		byte[] content = randomBytes(200_000);
		Path file = Files.write(temp.resolve("in.bin"), content);

		storage.upload("a/b/original.mp4", file, "video/mp4");

		assertThat(storage.head("a/b/original.mp4")).get().satisfies(object -> {
			assertThat(object.sizeBytes()).isEqualTo(200_000);
			assertThat(object.etag()).doesNotContain("\"").hasSize(32);
			assertThat(object.lastModified()).isNotNull();
		});
		try (InputStream in = storage.download("a/b/original.mp4").orElseThrow()) {
			assertThat(in.readAllBytes()).isEqualTo(content);
		}
		ByteArrayOutputStream range = new ByteArrayOutputStream();
		assertThat(reads.copyRange("a/b/original.mp4", 10, 19, null, range)).isEqualTo(RangeReads.Copy.COPIED);
		assertThat(range.toByteArray()).isEqualTo(Arrays.copyOfRange(content, 10, 20));
		String etag = storage.head("a/b/original.mp4").orElseThrow().etag();
		assertThat(reads.copyRange("a/b/original.mp4", 0, 9, "0".repeat(32), new ByteArrayOutputStream()))
			.isEqualTo(RangeReads.Copy.CHANGED);
		assertThat(reads.copyRange("a/b/original.mp4", 0, 9, etag, new ByteArrayOutputStream()))
			.isEqualTo(RangeReads.Copy.COPIED);
		storage.delete("a/b/original.mp4");
		storage.delete("a/b/original.mp4");
		assertThat(storage.head("a/b/original.mp4")).isEmpty();
		assertThat(storage.download("a/b/original.mp4")).isEmpty();
		assertThat(reads.copyRange("a/b/original.mp4", 0, 9, null, new ByteArrayOutputStream()))
			.isEqualTo(RangeReads.Copy.MISSING);
	}

	@Test
	void presignedUrlsWorkForAnyHttpClientAndBrowsersGetThePublicHost() throws Exception {
		byte[] content = randomBytes(50_000);
		storage.upload("p/put.bin", Files.write(temp.resolve("put.bin"), content), "application/octet-stream");

		HttpResponse<byte[]> get = HTTP.send(HttpRequest
			.newBuilder(URI.create(storage.presignDownloadForServer("p/put.bin", Duration.ofMinutes(5)).toString()))
			.build(), HttpResponse.BodyHandlers.ofByteArray());

		assertThat(get.statusCode()).isEqualTo(200);
		assertThat(get.body()).isEqualTo(content);
		assertThat(storage.presignDownloadForServer("p/put.bin", Duration.ofMinutes(5)).getHost()).isEqualTo("127.0.0.1");
		assertThat(multipart.presignPartForBrowser("p/put.bin", "an-upload", 1, Duration.ofMinutes(5)).getHost())
			.isEqualTo("localhost");
	}

	@Test
	void aTamperedPresignedUrlIsRefused() throws Exception {
		storage.upload("p/signed.bin", Files.write(temp.resolve("s.bin"), randomBytes(100)), "application/octet-stream");
		String url = storage.presignDownloadForServer("p/signed.bin", Duration.ofMinutes(5)).toString();
		int at = url.indexOf("X-Amz-Signature=") + "X-Amz-Signature=".length();
		String tampered = url.substring(0, at) + (url.charAt(at) == '0' ? '1' : '0') + url.substring(at + 1);

		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(tampered)).build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(403);
	}

	@Test
	void multipartUploadThroughPresignedPartUrls() throws Exception {
		byte[] content = randomBytes(5 * 1024 * 1024 + 1000);
		String key = "m/original.mp4";
		String uploadId = multipart.start(key, "video/mp4");
		assertThat(multipart.listPending()).anyMatch(upload -> upload.uploadId().equals(uploadId));

		putPart(key, uploadId, 1, java.util.Arrays.copyOfRange(content, 0, 5 * 1024 * 1024));
		putPart(key, uploadId, 2, java.util.Arrays.copyOfRange(content, 5 * 1024 * 1024, content.length));
		List<StoredPart> parts = multipart.listParts(key, uploadId);

		assertThat(parts).extracting(StoredPart::partNumber).containsExactly(1, 2);
		assertThat(parts).extracting(StoredPart::sizeBytes).containsExactly(5L * 1024 * 1024, 1000L);
		multipart.complete(key, uploadId, parts);
		assertThat(storage.head(key)).get().extracting(StoredObject::sizeBytes).isEqualTo((long) content.length);
		assertThat(multipart.listPending()).noneMatch(upload -> upload.uploadId().equals(uploadId));
	}

	@Test
	void abortingIsIdempotent() {
		String uploadId = multipart.start("x/original.mp4", "video/mp4");

		multipart.abort("x/original.mp4", uploadId);
		multipart.abort("x/original.mp4", uploadId);

		assertThat(multipart.listPending()).noneMatch(upload -> upload.uploadId().equals(uploadId));
	}

	@Test
	void listingPendingUploadsPagesThroughAllOfThem() {
		List<String> started = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			started.add(multipart.start("many/" + i + "/original.mp4", "video/mp4"));
		}

		assertThat(multipart.listPending()).extracting(PendingMultipartUpload::uploadId).containsAll(started);
		for (int i = 0; i < 3; i++) {
			multipart.abort("many/" + i + "/original.mp4", started.get(i));
		}
	}

	@Test
	void s3DownIsReportedAsUnavailable() {
		TestS3Server.whileStopped(() -> {
			assertThat(storage.bucketReachable()).isFalse();
			assertThatThrownBy(() -> storage.head("any")).isInstanceOf(StorageUnavailableException.class)
				.hasMessageContaining("cannot be reached");
			return null;
		});
		assertThat(storage.bucketReachable()).isTrue();
	}

	private static void putPart(String key, String uploadId, int number, byte[] bytes) throws Exception {
		String url = multipart.presignPartForBrowser(key, uploadId, number, Duration.ofMinutes(5)).toString();
		HttpResponse<String> response = HTTP.send(
				HttpRequest.newBuilder(URI.create(url)).PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.headers().firstValue("ETag")).isPresent();
	}

	private static byte[] randomBytes(int size) {
		byte[] bytes = new byte[size];
		ThreadLocalRandom.current().nextBytes(bytes);
		return bytes;
	}

}
