package com.spatialintel.video.motion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.spatialintel.video.database.DbTime;
import com.spatialintel.video.storage.ObjectStorage;
import com.spatialintel.video.storage.StorageUnavailableException;
import com.spatialintel.video.video.Video;
import com.spatialintel.video.video.VideoFiles;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Where motion indexes are kept: the object {@code motion.bin} beside the proxy, and a row in
 * {@code motion_indexes} saying it is there. Read indexes are kept decoded in memory, up to
 * {@code MOTION_CACHE_MB}, least recently used first out, so that repeated searches read no S3.
 */
@Service
public class MotionIndexes {

	private static final Logger log = LoggerFactory.getLogger(MotionIndexes.class);

	private final JdbcClient jdbc;

	private final ObjectStorage storage;

	private final Clock clock;

	private final long budget;

	private final LinkedHashMap<UUID, MotionIndex> cache = new LinkedHashMap<>(64, 0.75f, true);

	private long cached;

	MotionIndexes(JdbcClient jdbc, ObjectStorage storage, MotionSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.storage = storage;
		this.clock = clock;
		this.budget = settings.cacheMegabytes() * 1024L * 1024L;
	}

	/** Writes the index into {@code folder}, stores it beside the video's proxy; @return its object's size */
	public long upload(VideoFiles files, MotionIndex index, Path folder) {
		byte[] bytes = index.write();
		try {
			Path file = Files.write(folder.resolve("motion.bin"), bytes);
			storage.upload(files.motion(), file, "application/octet-stream");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.length;
	}

	/** Records that the video's index is stored (after {@link #upload}, once the job's result is kept). */
	public void recorded(UUID videoId, MotionIndex index, long bytes) {
		jdbc.sql("DELETE FROM motion_indexes WHERE video_id = ?").param(videoId).update();
		jdbc.sql("INSERT INTO motion_indexes (video_id, version, seconds, bytes, created_at) VALUES (?, ?, ?, ?, ?)")
			.params(videoId, MotionIndex.VERSION, index.seconds(), bytes, DbTime.of(clock.instant()))
			.update();
		synchronized (cache) {
			MotionIndex old = cache.remove(videoId);
			if (old != null) {
				cached -= old.sizeInMemory();
			}
		}
	}

	/** The videos of these that have an index of the format this server reads. */
	public Set<UUID> indexed(Collection<UUID> videoIds) {
		if (videoIds.isEmpty()) {
			return Set.of();
		}
		List<Object> params = new ArrayList<>(videoIds);
		params.add(MotionIndex.VERSION);
		String marks = String.join(", ", java.util.Collections.nCopies(videoIds.size(), "?"));
		return new HashSet<>(jdbc.sql("SELECT video_id FROM motion_indexes WHERE video_id IN (" + marks + ") AND version = ?")
			.params(params)
			.query(UUID.class)
			.list());
	}

	/** Processed videos (not being deleted) with no index of this format, oldest first: what the admin action builds. */
	public List<UUID> missing(int limit) {
		return jdbc.sql("""
				SELECT v.id FROM videos v LEFT JOIN motion_indexes m ON m.video_id = v.id AND m.version = ?
				WHERE v.processing_status = 'completed' AND v.proxy_path IS NOT NULL AND v.deletion_requested_at IS NULL
				AND m.video_id IS NULL ORDER BY v.created_at, v.id LIMIT ?""")
			.params(MotionIndex.VERSION, limit)
			.query(UUID.class)
			.list();
	}

	/**
	 * The video's index, from memory or from S3; empty when it has none (or its object is gone or
	 * unreadable, which is logged).
	 * @throws StorageUnavailableException when S3 cannot be reached
	 */
	public Optional<MotionIndex> find(Video video) {
		synchronized (cache) {
			MotionIndex hit = cache.get(video.id());
			if (hit != null) {
				return Optional.of(hit);
			}
		}
		Optional<MotionIndex> read = read(video);
		read.ifPresent(index -> keep(video.id(), index));
		return read;
	}

	/** S3 reads of a search at once: a window's indexes come in parallel, not one after another. */
	private final java.util.concurrent.ForkJoinPool readers = new java.util.concurrent.ForkJoinPool(8);

	/**
	 * The indexes of these videos that have one, read from S3 eight at a time where not in memory.
	 * @throws StorageUnavailableException when S3 cannot be reached
	 */
	public Map<UUID, MotionIndex> findAll(List<Video> videos) {
		Set<UUID> withIndex = indexed(videos.stream().map(Video::id).toList());
		List<Video> wanted = videos.stream().filter(video -> withIndex.contains(video.id())).toList();
		try {
			return readers.submit(() -> wanted.parallelStream()
				.map(video -> Map.entry(video.id(), find(video)))
				.filter(entry -> entry.getValue().isPresent())
				.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().get()))).get();
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new StorageUnavailableException(interrupted);
		}
		catch (java.util.concurrent.ExecutionException failed) {
			if (failed.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new StorageUnavailableException(failed.getCause());
		}
	}

	@jakarta.annotation.PreDestroy
	void stopReaders() {
		readers.shutdownNow();
	}

	private Optional<MotionIndex> read(Video video) {
		Optional<? extends InputStream> object = storage.download(video.files().motion());
		if (object.isEmpty()) {
			return Optional.empty();
		}
		try (InputStream in = object.get()) {
			return Optional.of(MotionIndex.read(in.readAllBytes()));
		}
		catch (IOException ex) {
			throw new StorageUnavailableException(ex);
		}
		catch (IllegalArgumentException unreadable) {
			log.warn("The motion index of video {} cannot be read: {}", video.id(), unreadable.getMessage());
			return Optional.empty();
		}
	}

	private void keep(UUID videoId, MotionIndex index) {
		if (index.sizeInMemory() > budget) {
			return;
		}
		synchronized (cache) {
			MotionIndex old = cache.put(videoId, index);
			cached += index.sizeInMemory() - (old == null ? 0 : old.sizeInMemory());
			var eldest = cache.entrySet().iterator();
			while (cached > budget && eldest.hasNext()) {
				Map.Entry<UUID, MotionIndex> out = eldest.next();
				cached -= out.getValue().sizeInMemory();
				eldest.remove();
			}
		}
	}

	/** Empties the memory: what a node has after a restart (the benchmark's cold searches, tests). */
	public void forgetCached() {
		synchronized (cache) {
			cache.clear();
			cached = 0;
		}
	}

}
