package com.spatialintel.video.library;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.spatialintel.video.storage.RangeReads;
import com.spatialintel.video.storage.RangeReads.Copy;
import com.spatialintel.video.storage.StoredObject;
import com.spatialintel.video.testing.MutableClock;
import com.spatialintel.video.testing.UnitTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

/**
 * The node's copies of played files, with S3 stood in for by a map of objects (the real reads are
 * in {@code StreamingTests}).
 */
@UnitTest
class LocalCopiesTests {

	private static final int KIB = 1024;

	@TempDir
	Path parent;

	/** What "S3" holds now, by key: the reads answer CHANGED when asked for another ETag. */
	private final Map<String, StoredBytes> s3 = new HashMap<>();

	private final AtomicInteger reads = new AtomicInteger();

	private final AtomicBoolean failNextRead = new AtomicBoolean();

	/** While set, reads wait for it to be counted down: a copy in the making. */
	private volatile CountDownLatch readsHeld;

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T09:00:00Z"));

	private LocalCopies copies;

	@AfterEach
	void stop() throws IOException {
		if (copies != null) {
			copies.destroy();
		}
	}

	@Test
	void aFileOfferedIsCopiedOnceAndFoundOnlyInItsOwnVersion() throws Exception {
		copies = new LocalCopies(settings(1), fakeS3(), clock, "all");
		StoredObject proxy = store("mall/pin/video/proxy.mp4", "v1", 200 * KIB);

		assertThat(copies.find(proxy)).isEmpty();
		copies.offer(proxy);
		offerAndAwaitCopy(proxy);

		assertThat(Files.readAllBytes(copies.find(proxy).orElseThrow())).isEqualTo(s3.get(proxy.key()).bytes());
		assertThat(copies.usedBytes()).isEqualTo(200 * KIB);
		copies.offer(proxy);
		assertThat(reads).as("a file copied is not read again").hasValue(1);

		StoredObject rewritten = store(proxy.key(), "v2", 100 * KIB);
		assertThat(copies.find(rewritten)).as("another ETag: the old copy is dropped").isEmpty();
		assertThat(copies.usedBytes()).isZero();
	}

	@Test
	void aFileThatChangesWhileItIsCopiedLeavesNoCopy() throws Exception {
		copies = new LocalCopies(settings(1), fakeS3(), clock, "all");
		StoredObject described = store("k/proxy.mp4", "v1", 100 * KIB);
		store("k/proxy.mp4", "v2", 100 * KIB);

		copies.offer(described);

		awaitCopyAttempts(1);
		assertThat(copies.find(described)).isEmpty();
		assertThat(copies.usedBytes()).isZero();
	}

	@Test
	void aCopyThatFailedIsNotTriedAgainForAMinute() throws Exception {
		copies = new LocalCopies(settings(1), fakeS3(), clock, "all");
		StoredObject proxy = store("v/proxy.mp4", "v1", 100 * KIB);
		failNextRead.set(true);

		copies.offer(proxy);
		awaitCopyAttempts(1);
		copies.offer(proxy);
		assertThat(reads).as("no second GET within the minute").hasValue(1);
		assertThat(copies.find(proxy)).isEmpty();

		clock.advance(LocalCopies.RETRY_AFTER_FAILURE);
		copies.offer(proxy);

		await().atMost(Duration.ofSeconds(10)).until(() -> copies.find(proxy).isPresent());
		assertThat(reads).hasValue(2);
	}

	@Test
	void theLeastRecentlyPlayedGoFirstAndNoFileTakesMoreThanAQuarterOfTheRoom() throws Exception {
		copies = new LocalCopies(settings(1), fakeS3(), clock, "all");
		StoredObject tooLarge = store("large", "v1", 300 * KIB);
		copies.offer(tooLarge);
		List<StoredObject> files = Stream.of("a", "b", "c", "d", "e")
			.map(key -> store(key, "v1", 200 * KIB))
			.toList();
		for (StoredObject file : files) {
			offerAndAwaitCopy(file);
			clock.advance(Duration.ofSeconds(1));
		}
		assertThat(copies.find(tooLarge)).isEmpty();
		// "a" played again: "b" is now the least recently played
		assertThat(copies.find(files.get(0))).isPresent();

		StoredObject sixth = store("f", "v1", 200 * KIB);
		offerAndAwaitCopy(sixth);

		assertThat(copies.find(files.get(1))).isEmpty();
		assertThat(copies.find(files.get(0))).isPresent();
		assertThat(copies.usedBytes()).isEqualTo(5 * 200 * KIB).isLessThanOrEqualTo(1024 * KIB);
	}

	@Test
	void forgottenFilesAreDeletedAtOnce() throws Exception {
		copies = new LocalCopies(settings(1), fakeS3(), clock, "all");
		StoredObject proxy = store("v/proxy.mp4", "v1", 100 * KIB);
		offerAndAwaitCopy(proxy);
		Path file = copies.find(proxy).orElseThrow();

		copies.forget(List.of("v/original.mp4", "v/proxy.mp4"));

		assertThat(file).doesNotExist();
		assertThat(copies.find(proxy)).isEmpty();
		assertThat(copies.usedBytes()).isZero();
	}

	@Test
	void copiesUnplayedForTenMinutesAreDeleted() throws Exception {
		copies = new LocalCopies(settings(1), fakeS3(), clock, "all");
		StoredObject watched = store("watched", "v1", 100 * KIB);
		StoredObject forgotten = store("forgotten", "v1", 100 * KIB);
		for (StoredObject file : List.of(watched, forgotten)) {
			offerAndAwaitCopy(file);
		}
		Path forgottenFile = copies.find(forgotten).orElseThrow();

		clock.advance(Duration.ofMinutes(6));
		assertThat(copies.find(watched)).isPresent();
		clock.advance(Duration.ofMinutes(5));
		copies.dropIdle();

		assertThat(copies.find(watched)).isPresent();
		assertThat(copies.find(forgotten)).isEmpty();
		assertThat(forgottenFile).doesNotExist();
		assertThat(copies.usedBytes()).isEqualTo(100 * KIB);
	}

	@Test
	void aFileDeletedWhileItIsCopiedKeepsNoCopyAndIsNotCopiedAgain() throws Exception {
		copies = new LocalCopies(settings(1), fakeS3(), clock, "all");
		StoredObject proxy = store("v/proxy.mp4", "v1", 100 * KIB);
		readsHeld = new CountDownLatch(1);
		copies.offer(proxy);
		await().atMost(Duration.ofSeconds(10)).until(() -> reads.get() == 1);

		copies.forget(List.of("v/original.mp4", "v/proxy.mp4"));
		readsHeld.countDown();
		awaitCopyAttempts(1);

		assertThat(copies.find(proxy)).isEmpty();
		assertThat(copies.usedBytes()).isZero();
		try (Stream<Path> files = Files.walk(parent)) {
			assertThat(files.filter(file -> file.toString().endsWith(".copy"))).isEmpty();
		}
		copies.offer(proxy);
		assertThat(reads).as("a deleted file is not copied again").hasValue(1);
	}

	@Test
	void noRoomAndAWorkerProcessMeanNoCopies() throws Exception {
		StoredObject proxy = store("v/proxy.mp4", "v1", 100 * KIB);
		for (LocalCopies none : List.of(new LocalCopies(settings(0), fakeS3(), clock, "all"),
				new LocalCopies(settings(1), fakeS3(), clock, "worker"))) {
			copies = none;

			copies.offer(proxy);

			assertThat(copies.find(proxy)).isEmpty();
			assertThat(reads).hasValue(0);
			assertThat(parent).isEmptyDirectory();
			copies.destroy();
		}
	}

	@Test
	void eachProcessHasItsOwnFolderAndTheFoldersOfStoppedProcessesAreRemoved() throws Exception {
		Path stopped = Files.createDirectories(parent.resolve("stream-cache-0dead000-123"));
		Files.writeString(stopped.resolve(".lock"), "");
		Files.writeString(stopped.resolve("old.copy"), "footage");
		Path alive = Files.createDirectories(parent.resolve("stream-cache-a11ve000-456"));
		// a lock held by another process (a POSIX lock, as the JVM takes them)
		Process other = new ProcessBuilder("python3", "-c", "import fcntl, sys, time\n"
				+ "f = open(sys.argv[1], 'w'); fcntl.lockf(f, fcntl.LOCK_EX); print('locked', flush=True); time.sleep(60)",
				alive.resolve(".lock").toString()).start();
		try {
			assertThat(new String(other.getInputStream().readNBytes(6))).isEqualTo("locked");
			copies = new LocalCopies(settings(1), fakeS3(), clock, "all");
		}
		finally {
			other.destroyForcibly().waitFor();
		}

		assertThat(stopped).doesNotExist();
		assertThat(alive).exists();
		try (Stream<Path> folders = Files.list(parent)) {
			assertThat(folders.filter(folder -> !folder.equals(alive))).singleElement()
				.satisfies(own -> assertThat(own.getFileName().toString()).startsWith("stream-cache-"));
		}

		copies.destroy();
		copies = null;
		try (Stream<Path> folders = Files.list(parent)) {
			assertThat(folders).as("its own folder goes when it stops").containsExactly(alive);
		}
	}

	/** Until S3 was read {@code count} times and every copy asked for is done with, kept or not. */
	private void awaitCopyAttempts(int count) {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> reads.get() == count && copies.beingMade() == 0 && partFiles().isEmpty());
	}

	private void offerAndAwaitCopy(StoredObject file) {
		copies.offer(file);
		await().atMost(Duration.ofSeconds(10)).until(() -> copies.find(file).isPresent());
	}

	private StreamingSettings settings(long megabytes) {
		return new StreamingSettings("a-signing-secret-for-copies-0123456789", null, Duration.ofHours(1), megabytes, parent);
	}

	private StoredObject store(String key, String etag, int size) {
		byte[] bytes = new byte[size];
		new Random(key.hashCode() + etag.hashCode()).nextBytes(bytes);
		s3.put(key, new StoredBytes(etag, bytes));
		return new StoredObject(key, size, etag, Instant.parse("2026-12-01T10:00:00Z"));
	}

	private List<Path> partFiles() throws IOException {
		try (Stream<Path> files = Files.walk(parent)) {
			return files.filter(file -> file.toString().endsWith(".part")).toList();
		}
	}

	private RangeReads fakeS3() throws IOException {
		RangeReads fake = mock(RangeReads.class);
		doAnswer(call -> {
			reads.incrementAndGet();
			CountDownLatch held = readsHeld;
			if (held != null) {
				held.await();
			}
			if (failNextRead.getAndSet(false)) {
				throw new IOException("No space left on device");
			}
			StoredBytes stored = s3.get(call.getArgument(0, String.class));
			if (stored == null) {
				return Copy.MISSING;
			}
			if (!stored.etag().equals(call.getArgument(3, String.class))) {
				return Copy.CHANGED;
			}
			long first = call.getArgument(1, Long.class);
			long last = call.getArgument(2, Long.class);
			call.getArgument(4, OutputStream.class).write(stored.bytes(), (int) first, (int) (last - first + 1));
			return Copy.COPIED;
		}).when(fake).copyRange(anyString(), anyLong(), anyLong(), anyString(), any(OutputStream.class));
		return fake;
	}

	private record StoredBytes(String etag, byte[] bytes) {
	}

}
