package com.spatialintel.video.evidence;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.spatialintel.video.evidence.EvidencePackage.ClipFile;
import com.spatialintel.video.evidence.EvidencePackage.TextFile;
import com.spatialintel.video.evidence.ExportEvents.ExportFinished;
import com.spatialintel.video.mall.Malls;
import com.spatialintel.video.mall.PinRef;
import com.spatialintel.video.storage.ObjectStorage;
import com.spatialintel.video.storage.StorageUnavailableException;
import com.spatialintel.video.video.Video;
import com.spatialintel.video.video.Videos;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * The {@code export} job: each source's original is fetched and checked against the SHA-256 taken
 * at upload, cut, hashed; the manifest is written, signed, zipped with the clips and stored at
 * {@code exports/{id}/}. Progress is recorded as it goes; a failure ends the export with a sentence;
 * S3 being away is thrown, so that the queue retries.
 */
@Component
class ExportMaker {

	private static final Logger log = LoggerFactory.getLogger(ExportMaker.class);

	private final ExportRepository exports;

	private final Videos videos;

	private final Malls malls;

	private final ObjectStorage storage;

	private final ClipCutter cutter;

	private final EvidenceKeys keys;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Path workDirectory = Path.of(System.getProperty("java.io.tmpdir"), "spatial-intel-exports");

	ExportMaker(ExportRepository exports, Videos videos, Malls malls, ObjectStorage storage, ClipCutter cutter,
			EvidenceKeys keys, ApplicationEventPublisher events, Clock clock) {
		this.exports = exports;
		this.videos = videos;
		this.malls = malls;
		this.storage = storage;
		this.cutter = cutter;
		this.keys = keys;
		this.events = events;
		this.clock = clock;
	}

	/** How often an export runs in all before S3 being away ends it (the queue retries 3 times). */
	static final int MAX_ATTEMPTS = 4;

	void run(UUID exportId) {
		EvidenceExport export = exports.find(exportId).orElse(null);
		Integer attempt = export == null ? null : exports.start(exportId, clock.instant()).orElse(null);
		if (attempt == null) {
			return;
		}
		Path folder = workDirectory.resolve(exportId.toString());
		try {
			FileSystemUtils.deleteRecursively(folder);
			Files.createDirectories(folder);
			if (make(export, folder)) {
				events.publishEvent(new ExportFinished(exportId, export.mallId(), true, null, clock.instant()));
			}
		}
		catch (StorageUnavailableException transientFailure) {
			if (attempt >= MAX_ATTEMPTS) {
				fail(export, "The video store (S3) could not be reached in " + attempt + " attempts; ask for the export again later.");
				return;
			}
			exports.requeue(exportId);
			throw transientFailure;
		}
		catch (ExportFailure failure) {
			fail(export, failure.getMessage());
		}
		catch (IOException | RuntimeException unexpected) {
			log.error("Export {} failed unexpectedly", exportId, unexpected);
			fail(export, "The export could not be made because of an error on the server: " + unexpected.getMessage());
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			exports.requeue(exportId);
		}
		finally {
			try {
				FileSystemUtils.deleteRecursively(folder);
			}
			catch (IOException ex) {
				log.warn("Temporary folder {} not deleted: {}", folder, ex.getMessage());
			}
		}
	}

	private void fail(EvidenceExport export, String sentence) {
		if (exports.fail(export.id(), sentence, clock.instant())) {
			events.publishEvent(new ExportFinished(export.id(), export.mallId(), false, sentence, clock.instant()));
		}
	}

	/** @return false when the export was deleted meanwhile */
	private boolean make(EvidenceExport export, Path folder) throws IOException, InterruptedException {
		KeyPair key = keys.require();
		String ffmpegVersion = cutter.ffmpegVersion();
		long fetching = 0;
		long cutting = 0;
		long hashing = 0;
		int count = export.clips().size();
		List<ClipFile> files = new ArrayList<>();
		List<Object> clipEntries = new ArrayList<>();
		Map<UUID, PinRef> pins = new LinkedHashMap<>();
		for (ExportClip clip : export.clips()) {
			int base = clip.ordinal() * 95 / count;
			int share = 95 / count;
			Video video = videos.find(clip.videoId())
				.filter(found -> !found.deletionRequested())
				.orElseThrow(() -> new ExportFailure("Source video " + clip.videoId() + " was deleted before it could be exported."));
			PinRef pin = pins.computeIfAbsent(video.pinId(), id -> malls.findPin(id).orElseThrow());
			Path original = folder.resolve("original-" + clip.ordinal() + ".mp4");
			long started = System.nanoTime();
			String key1 = video.files().original();
			String sourceSha256 = storage.downloadHashing(key1, original)
				.orElseThrow(() -> new ExportFailure("The original of " + video.filename() + " is missing from storage."));
			if (!sourceSha256.equals(video.checksumSha256())) {
				throw new ExportFailure("The stored original of " + video.filename()
						+ " is not the file that was uploaded (its SHA-256 differs): it cannot be exported as evidence.");
			}
			if (!exports.progress(export.id(), base + share * 2 / 5)) {
				return false;
			}
			fetching += System.nanoTime() - started;
			started = System.nanoTime();
			Path target = folder.resolve(clipName(clip, pin));
			ClipCut cut = cutter.cut(original, clip.requestedStart(), clip.requestedEnd(), export.mode(), target,
					percent -> exports.progress(export.id(), base + share * 2 / 5 + percent * share * 3 / 5 / 100));
			if (cut == null) {
				return false;
			}
			Files.delete(original);
			cutting += System.nanoTime() - started;
			started = System.nanoTime();
			ClipFile file = ClipFile.of(target);
			hashing += System.nanoTime() - started;
			files.add(file);
			clipEntries.add(clipEntry(export, clip, video, cut, file.sha256(), Files.size(target), ffmpegVersion));
		}
		String checksums = EvidencePackage.checksums(files);
		String checksumsSha256 = EvidencePackage.sha256(checksums.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		byte[] manifest = CanonicalJson.bytes(manifest(export, pins.values(), clipEntries, ffmpegVersion, checksumsSha256,
				EvidencePackage.fingerprint(key.getPublic())));
		byte[] signature = Ed25519.sign(key.getPrivate(), manifest);
		Path zip = folder.resolve(export.packageName());
		long packing = System.nanoTime();
		EvidencePackage.Written written = EvidencePackage.zip(zip, files,
				List.of(TextFile.of(EvidencePackage.CHECKSUMS, checksums), new TextFile(EvidencePackage.MANIFEST, manifest),
						new TextFile(EvidencePackage.SIGNATURE, signature),
						TextFile.of(EvidencePackage.PUBLIC_KEY, Ed25519.publicKeyPem(key.getPublic())),
						TextFile.of(EvidencePackage.INSTRUCTIONS, EvidencePackage.instructions(export.id().toString(),
								EvidencePackage.fingerprint(key.getPublic()), checksumsSha256))));
		if (!exports.progress(export.id(), 97)) {
			return false;
		}
		packing = System.nanoTime() - packing;
		long storing = System.nanoTime();
		String packageKey = EvidenceExport.packageKeyOf(export.id());
		storage.upload(packageKey, zip, "application/zip");
		storing = System.nanoTime() - storing;
		log.info("Export {}: {} clips, {} bytes; originals fetched and checked in {} s, cut in {} s, clips hashed in {} s, "
				+ "zipped in {} s, stored in {} s", export.id(), count, written.bytes(), seconds(fetching), seconds(cutting),
				seconds(hashing), seconds(packing), seconds(storing));
		if (!exports.complete(export.id(), packageKey, written.bytes(), written.sha256(), clock.instant())) {
			storage.delete(packageKey);
			return false;
		}
		return true;
	}

	private static String seconds(long nanos) {
		return String.format(Locale.ROOT, "%.2f", nanos / 1e9);
	}

	/** {@code clip-01-entrance-north.mp4}: its place in the export and its pin, in ASCII. */
	static String clipName(ExportClip clip, PinRef pin) {
		String slug = pin.pinName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
		if (slug.length() > 40) {
			slug = slug.substring(0, 40).replaceAll("-+$", "");
		}
		return "clip-%02d%s.mp4".formatted(clip.ordinal() + 1, slug.isEmpty() ? "" : "-" + slug);
	}

	private static Map<String, Object> manifest(EvidenceExport export, java.util.Collection<PinRef> pins,
			List<Object> clips, String ffmpegVersion, String checksumsSha256, String keyFingerprint) {
		Map<String, Object> manifest = new LinkedHashMap<>();
		PinRef any = pins.iterator().next();
		manifest.put("format", EvidencePackage.FORMAT);
		manifest.put("export_id", export.id().toString());
		manifest.put("created_at", export.createdAt().toString());
		manifest.put("exported_by", map("user_id", string(export.createdByUserId()), "email", export.createdByEmail()));
		manifest.put("mall", map("id", export.mallId().toString(), "name", any.mallName(), "time_zone", any.mallTimeZone()));
		manifest.put("pins", pins.stream()
			.map(pin -> (Object) map("id", pin.pinId().toString(), "name", pin.pinName(), "time_zone", pin.mallTimeZone()))
			.toList());
		Disclosure form = export.disclosure();
		manifest.put("disclosure", map("recipient_name", form.recipientName(), "recipient_organisation",
				form.recipientOrganisation(), "purpose", form.purpose(), "reference", form.reference()));
		manifest.put("mode", export.mode().value());
		manifest.put("derivative", export.mode() == ExportMode.FRAME_EXACT);
		manifest.put("requested_window", export.windowFrom() == null ? null
				: map("from", export.windowFrom().toString(), "to", export.windowTo().toString()));
		manifest.put("ffmpeg_version", ffmpegVersion);
		manifest.put("clips", clips);
		manifest.put("checksums", map("file", EvidencePackage.CHECKSUMS, "sha256", checksumsSha256));
		manifest.put("signature", map("algorithm", "Ed25519", "file", EvidencePackage.SIGNATURE, "public_key_file",
				EvidencePackage.PUBLIC_KEY, "public_key_sha256", keyFingerprint));
		return manifest;
	}

	private static Map<String, Object> clipEntry(EvidenceExport export, ExportClip clip, Video video, ClipCut cut,
			String sha256, long bytes, String ffmpegVersion) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("file", cut.file().getFileName().toString());
		entry.put("sha256", sha256);
		entry.put("bytes", bytes);
		entry.put("derivative", export.mode() == ExportMode.FRAME_EXACT);
		entry.put("source", map("video_id", video.id().toString(), "pin_id", video.pinId().toString(), "filename",
				video.filename(), "sha256", video.checksumSha256(), "sha256_verified_at_upload", true, "bytes",
				video.fileSizeBytes(), "recorded_at", string(video.recordedAt()), "recorded_at_source",
				video.recordedAtSource() == null ? null : video.recordedAtSource().value()));
		entry.put("requested", range(video, clip.requestedStart(), clip.requestedEnd()));
		entry.put("actual", range(video, cut.actualStart(), cut.actualEnd()));
		entry.put("ffmpeg", map("version", ffmpegVersion, "arguments", List.copyOf(cut.ffmpegArguments())));
		return entry;
	}

	/** A media range of the original, and the wall clock it was recorded at (null when the video has no recording time). */
	private static Map<String, Object> range(Video video, double start, double end) {
		Instant recordedAt = video.recordedAt();
		return map("media_start_seconds", micros(start), "media_end_seconds", micros(end), "wall_clock_start",
				recordedAt == null ? null : recordedAt.plusNanos(Math.round(start * 1e9)).toString(), "wall_clock_end",
				recordedAt == null ? null : recordedAt.plusNanos(Math.round(end * 1e9)).toString());
	}

	private static BigDecimal micros(double seconds) {
		return BigDecimal.valueOf(seconds).setScale(6, RoundingMode.HALF_UP);
	}

	private static String string(Object value) {
		return value == null ? null : value.toString();
	}

	private static Map<String, Object> map(Object... pairs) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], pairs[i + 1]);
		}
		return map;
	}

}
