package com.spatialintel.video.library;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.spatialintel.video.storage.RangeReads;
import com.spatialintel.video.storage.RangeReads.Copy;
import com.spatialintel.video.storage.StoredObject;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * Copies of the files being played, on this node's disk, so that the seeks after the first are
 * answered from the page cache (with the kernel's {@code sendfile}) instead of by a ranged GET to S3.
 * <p>
 * A copy is made in the background after a file was served from S3, as one GET of the whole
 * object with {@code If-Match}, and is known by the object's key <em>and ETag</em>: a reprocessed
 * proxy (a new ETag) is never answered from the old copy. Every request still passes the signature,
 * the row and the description of the object first ({@link RangeResponder}), so a copy serves only
 * what S3 would: a video deleted on this node loses its copies at once ({@link #forget}); one deleted
 * on another node is refused once this node's 5-second memory of its row and object ends, and its copy
 * is removed when S3 is found to lack the object, or after {@link #IDLE_LIFETIME} unused.
 * <p>
 * The copies fill at most {@code STREAM_CACHE_MB} (0: no copies); the least recently played go first.
 * Each process keeps them in a folder of its own, removed when it stops; a folder left by a process
 * that died is removed by the next one to start there (a lock on a file inside tells whose it is).
 */
@Component
class LocalCopies implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(LocalCopies.class);

	/** A copy unused this long is removed, also on a node where its video was deleted by another node. */
	static final Duration IDLE_LIFETIME = Duration.ofMinutes(10);

	/**
	 * A copy dropped to make room, or for a newer version, is deleted this long afterwards: Tomcat
	 * opens the file by its name after the request that chose it has returned.
	 */
	static final Duration DELETION_GRACE = Duration.ofSeconds(30);

	/** After a copy failed (a full disk, S3 away), the same file is not tried again for this long. */
	static final Duration RETRY_AFTER_FAILURE = Duration.ofMinutes(1);

	/** Copies being made at once, at most: each is a whole-object GET beside the viewers' own. */
	private static final int MAX_FILLS = 2;

	private static final String FOLDER_PREFIX = "stream-cache-";

	private static final String LOCK_FILE = ".lock";

	/**
	 * Names this JVM's folders, which it never tests for a lock: on Linux, closing any channel to a
	 * file drops every lock the process holds on it.
	 */
	private static final String THIS_JVM = UUID.randomUUID().toString().substring(0, 8);

	private final long maxBytes;

	private final Path folder;

	private final FileChannel lockChannel;

	private final RangeReads reads;

	private final Clock clock;

	private final Map<String, LocalCopy> copies = new ConcurrentHashMap<>();

	private final Set<String> filling = ConcurrentHashMap.newKeySet();

	private final Cache<String, Boolean> failedRecently;

	/** Objects deleted lately, never copied again: a copy that was being made of one when it went is dropped. */
	private final Cache<String, Boolean> forgotten;

	private final AtomicLong usedBytes = new AtomicLong();

	private final ScheduledExecutorService background = Executors.newScheduledThreadPool(1, runnable -> {
		Thread thread = new Thread(runnable, "stream-local-copies");
		thread.setDaemon(true);
		return thread;
	});

	/** @param role {@code APP_ROLE}: a worker serves no files, so it keeps no copies (and makes no folder) */
	LocalCopies(StreamingSettings settings, RangeReads reads, Clock clock, @Value("${app.role:all}") String role)
			throws IOException {
		this.reads = reads;
		this.clock = clock;
		this.failedRecently = ShortMemory.of(RETRY_AFTER_FAILURE, clock);
		this.forgotten = ShortMemory.of(IDLE_LIFETIME, clock);
		this.maxBytes = "worker".equals(role) ? 0 : settings.cacheMegabytes() * 1024 * 1024;
		if (maxBytes == 0) {
			this.folder = null;
			this.lockChannel = null;
			return;
		}
		Path parent = settings.cacheDirectory();
		Files.createDirectories(parent);
		removeFoldersOfStoppedProcesses(parent);
		this.folder = Files.createTempDirectory(parent, FOLDER_PREFIX + THIS_JVM + "-");
		this.lockChannel = FileChannel.open(folder.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
		this.lockChannel.lock();
		log.info("Played files are copied to {} (at most {} MB)", folder, settings.cacheMegabytes());
	}

	/**
	 * The local copy of this version of the object, marked as just used; empty when there is none (or
	 * an older version, which is then dropped).
	 */
	Optional<Path> find(StoredObject object) {
		LocalCopy copy = copies.get(object.key());
		if (copy == null) {
			return Optional.empty();
		}
		if (!copy.etag().equals(object.etag()) || copy.sizeBytes() != object.sizeBytes()) {
			drop(object.key(), copy, DELETION_GRACE);
			return Optional.empty();
		}
		copy.lastUsed().set(clock.millis());
		return Optional.of(copy.file());
	}

	/**
	 * Makes a copy of this version of the object in the background, unless there is one, one is being
	 * made, too many are, one failed in the last {@link #RETRY_AFTER_FAILURE}, the object was
	 * {@linkplain #forget forgotten} lately, or it would take more than a quarter of the room.
	 */
	void offer(StoredObject object) {
		if (maxBytes == 0 || object.sizeBytes() == 0 || object.sizeBytes() > maxBytes / 4) {
			return;
		}
		LocalCopy known = copies.get(object.key());
		if ((known != null && known.etag().equals(object.etag())) || failedRecently.getIfPresent(object.key()) != null
				|| forgotten.getIfPresent(object.key()) != null) {
			return;
		}
		if (filling.size() >= MAX_FILLS || !filling.add(object.key())) {
			return;
		}
		try {
			background.execute(() -> fill(object));
		}
		catch (RuntimeException rejected) {
			// stopping
			filling.remove(object.key());
		}
	}

	/**
	 * Drops the copies of these objects now, and keeps a copy being made of them from being kept:
	 * their video is being deleted, or S3 no longer has them.
	 */
	void forget(Iterable<String> keys) {
		for (String key : keys) {
			forgotten.put(key, Boolean.TRUE);
			lost(key);
		}
	}

	/** Drops the entry of a copy whose file is gone (a cleaner of the temporary folder); the next read copies it again. */
	void lost(String key) {
		LocalCopy copy = copies.get(key);
		if (copy != null) {
			drop(key, copy, Duration.ZERO);
		}
	}

	/** Drops the copies that nobody played for {@link #IDLE_LIFETIME}; every minute. */
	@Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
	void dropIdle() {
		long oldest = clock.millis() - IDLE_LIFETIME.toMillis();
		copies.forEach((key, copy) -> {
			if (copy.lastUsed().get() < oldest) {
				drop(key, copy, Duration.ZERO);
			}
		});
	}

	/** Bytes the copies take now. */
	long usedBytes() {
		return usedBytes.get();
	}

	/** Copies being made or waiting to be, now. */
	int beingMade() {
		return filling.size();
	}

	private void fill(StoredObject object) {
		Path part = folder.resolve(UUID.randomUUID() + ".part");
		try {
			Copy copied;
			try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE_NEW)) {
				copied = reads.copyRange(object.key(), 0, object.sizeBytes() - 1, object.etag(), out);
			}
			if (copied != Copy.COPIED || Files.size(part) != object.sizeBytes()) {
				log.debug("No local copy of {}: S3 answered {}", object.key(), copied);
				return;
			}
			makeRoom(object.sizeBytes());
			Path file = folder.resolve(UUID.randomUUID() + ".copy");
			Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
			usedBytes.addAndGet(object.sizeBytes());
			LocalCopy replaced = copies.put(object.key(),
					new LocalCopy(object.etag(), object.sizeBytes(), file, new AtomicLong(clock.millis())));
			if (replaced != null) {
				release(replaced, DELETION_GRACE);
			}
			if (forgotten.getIfPresent(object.key()) != null) {
				// deleted while it was being copied
				forget(List.of(object.key()));
			}
		}
		catch (IOException | RuntimeException ex) {
			// the viewers are served from S3 meanwhile; a full disk or a broken read only costs speed
			failedRecently.put(object.key(), Boolean.TRUE);
			log.warn("No local copy of {}: {}", object.key(), ex.toString());
		}
		finally {
			filling.remove(object.key());
			deleteQuietly(part);
		}
	}

	/** Drops the least recently played copies until {@code bytes} more fit. */
	private void makeRoom(long bytes) {
		while (usedBytes.get() + bytes > maxBytes) {
			Optional<Map.Entry<String, LocalCopy>> coldest = copies.entrySet()
				.stream()
				.min(Comparator.comparingLong(entry -> entry.getValue().lastUsed().get()));
			if (coldest.isEmpty()) {
				return;
			}
			drop(coldest.get().getKey(), coldest.get().getValue(), DELETION_GRACE);
		}
	}

	private void drop(String key, LocalCopy copy, Duration grace) {
		if (copies.remove(key, copy)) {
			release(copy, grace);
		}
	}

	private void release(LocalCopy copy, Duration grace) {
		usedBytes.addAndGet(-copy.sizeBytes());
		if (grace.isZero()) {
			deleteQuietly(copy.file());
			return;
		}
		try {
			background.schedule(() -> deleteQuietly(copy.file()), grace.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (RuntimeException stopping) {
			deleteQuietly(copy.file());
		}
	}

	@Override
	public void destroy() throws IOException {
		background.shutdownNow();
		copies.clear();
		if (folder != null) {
			lockChannel.close();
			FileSystemUtils.deleteRecursively(folder);
		}
	}

	/** Folders whose lock nobody holds were left by a process that stopped without removing them. */
	private static void removeFoldersOfStoppedProcesses(Path parent) {
		try (DirectoryStream<Path> folders = Files.newDirectoryStream(parent, FOLDER_PREFIX + "*")) {
			for (Path candidate : folders) {
				if (!candidate.getFileName().toString().startsWith(FOLDER_PREFIX + THIS_JVM) && nobodyHolds(candidate)) {
					removeLeftFolder(candidate);
				}
			}
		}
		catch (IOException ex) {
			log.warn("Could not look for copies left in {}: {}", parent, ex.toString());
		}
	}

	private static void removeLeftFolder(Path folder) {
		try {
			FileSystemUtils.deleteRecursively(folder);
			log.info("Removed {}, left by a process that stopped", folder);
		}
		catch (IOException ex) {
			log.warn("Could not remove {}, left by a process that stopped: {}", folder, ex.toString());
		}
	}

	/** A folder without its lock file is a process's that is just starting, unless it is a minute old. */
	private static boolean nobodyHolds(Path folder) throws IOException {
		Path lockFile = folder.resolve(LOCK_FILE);
		if (!Files.isRegularFile(lockFile)) {
			return Files.getLastModifiedTime(folder).toInstant().isBefore(Instant.now().minusSeconds(60));
		}
		try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
			FileLock lock = channel.tryLock();
			if (lock == null) {
				return false;
			}
			lock.release();
			return true;
		}
		catch (OverlappingFileLockException | IOException ex) {
			return false;
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			log.warn("Could not delete {}: {}", file, ex.toString());
		}
	}

	/** One version of an object on disk; {@code lastUsed}: when it was last played, in the clock's milliseconds. */
	private record LocalCopy(String etag, long sizeBytes, Path file, AtomicLong lastUsed) {
	}

}
