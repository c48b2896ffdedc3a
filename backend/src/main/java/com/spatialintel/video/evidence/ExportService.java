package com.spatialintel.video.evidence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jobrunr.scheduling.JobRequestScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.spatialintel.video.auth.CurrentUser;
import com.spatialintel.video.auth.MallAccess;
import com.spatialintel.video.errors.InvalidRequestException;
import com.spatialintel.video.errors.NotFoundException;
import com.spatialintel.video.evidence.ExportApi.ExportRequest;
import com.spatialintel.video.evidence.ExportEvents.ExportDeleted;
import com.spatialintel.video.evidence.ExportEvents.ExportRequested;
import com.spatialintel.video.mall.Malls;
import com.spatialintel.video.retention.RetentionRules;
import com.spatialintel.video.storage.ObjectStorage;
import com.spatialintel.video.video.UploadStatus;
import com.spatialintel.video.video.Video;
import com.spatialintel.video.video.VideoAccess;
import com.spatialintel.video.video.Videos;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Asking for an export (what it covers is settled here, once: its sources and their ranges),
 * reading exports, and deleting them with their packages.
 */
@Service
class ExportService {

	private static final Logger log = LoggerFactory.getLogger(ExportService.class);

	/** The longest window or range one export covers. */
	static final Duration LONGEST = Duration.ofHours(24);

	/** The most source clips of one export. */
	static final int MAX_CLIPS = 200;

	/** A range may end this far past the probed duration (containers round it). */
	private static final double DURATION_TOLERANCE = 0.05;

	private final ExportRepository exports;

	private final Videos videos;

	private final VideoAccess access;

	private final Malls malls;

	private final MallAccess mallAccess;

	private final RetentionRules retention;

	private final EvidenceKeys keys;

	private final ObjectStorage storage;

	private final JobRequestScheduler queue;

	private final TransactionTemplate transaction;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ExportService(ExportRepository exports, Videos videos, VideoAccess access, Malls malls, MallAccess mallAccess,
			RetentionRules retention, EvidenceKeys keys, ObjectStorage storage, JobRequestScheduler queue,
			TransactionTemplate transaction, ApplicationEventPublisher events, Clock clock) {
		this.exports = exports;
		this.videos = videos;
		this.access = access;
		this.malls = malls;
		this.mallAccess = mallAccess;
		this.retention = retention;
		this.keys = keys;
		this.storage = storage;
		this.queue = queue;
		this.transaction = transaction;
		this.events = events;
		this.clock = clock;
	}

	EvidenceExport create(CurrentUser user, UUID mallId, ExportRequest request) {
		keys.require();
		malls.requireVisibleMall(user, mallId);
		ExportMode mode = request.mode() == null ? ExportMode.STREAM_COPY
				: ExportMode.named(request.mode())
					.orElseThrow(() -> new InvalidRequestException("mode must be stream_copy or frame_exact, not '"
							+ request.mode() + "'."));
		List<Video> sources = new ArrayList<>();
		List<ExportClip> clips = request.videoId() != null ? ofVideo(user, mallId, request, sources)
				: ofWindow(user, mallId, request, sources);
		Instant now = clock.instant();
		EvidenceExport export = new EvidenceExport(UUID.randomUUID(), mallId, mode,
				request.videoId() != null ? null : request.from(), request.videoId() != null ? null : request.to(),
				new Disclosure(request.recipientName().strip(), request.recipientOrganisation().strip(),
						request.purpose().strip(), request.reference().strip()),
				user.id(), user.email(), now, ExportStatus.QUEUED, 0, null, null, null, null, null, null,
				keepUntil(mallId, sources), null, null, clips);
		transaction.executeWithoutResult(status -> {
			exports.insert(export);
			events.publishEvent(new ExportRequested(export.id(), mallId,
					clips.stream().map(ExportClip::pinId).distinct().toList(),
					clips.stream().map(ExportClip::videoId).toList(), mode.value(), export.windowFrom(), export.windowTo(),
					export.disclosure().recipientName(), export.disclosure().recipientOrganisation(),
					export.disclosure().purpose(), export.disclosure().reference(), now));
		});
		try {
			queue.enqueue(export.id(), new ExportJobRequest(export.id()));
		}
		catch (RuntimeException ex) {
			log.error("Export {} could not be queued", export.id(), ex);
			exports.fail(export.id(), "The export could not be queued (the job queue was unreachable); ask for it again.",
					clock.instant());
		}
		return exports.find(export.id()).orElseThrow();
	}

	/** One video from In to Out, in media seconds of the original. */
	private List<ExportClip> ofVideo(CurrentUser user, UUID mallId, ExportRequest request, List<Video> sources) {
		if (request.pinIds() != null || request.from() != null || request.to() != null) {
			throw new InvalidRequestException("An export is of one video (video_id, in_seconds, out_seconds) or of a window "
					+ "(pin_ids, from, to), not both.");
		}
		Video video = access.visible(user, request.videoId(), "Video", request.videoId())
			.filter(found -> found.mallId().equals(mallId))
			.orElseThrow(() -> new NotFoundException("Video", request.videoId()));
		requireExportable(video);
		if (request.inSeconds() == null || request.outSeconds() == null) {
			throw new InvalidRequestException("Mark In and Out: in_seconds and out_seconds are both needed.");
		}
		double in = request.inSeconds();
		double out = request.outSeconds();
		if (!Double.isFinite(in) || !Double.isFinite(out) || in < 0) {
			throw new InvalidRequestException("in_seconds and out_seconds must be seconds from the start of the video, 0 or more.");
		}
		if (out <= in) {
			throw new InvalidRequestException("Out (" + seconds(out) + ") must be after In (" + seconds(in) + ").");
		}
		Double duration = video.metadata().durationSeconds();
		if (duration == null) {
			throw new InvalidRequestException("The length of " + video.filename() + " is not known, so no range of it can be exported.");
		}
		if (out > duration + DURATION_TOLERANCE) {
			throw new InvalidRequestException("The range " + seconds(in) + "–" + seconds(out) + " lies outside the video: "
					+ video.filename() + " is " + seconds(duration) + " long.");
		}
		if (out - in > LONGEST.toSeconds()) {
			throw new InvalidRequestException("An export covers at most 24 hours.");
		}
		sources.add(video);
		return List.of(new ExportClip(0, video.id(), video.pinId(), in, Math.min(out, duration)));
	}

	/** A wall-clock window of one or more pins: the part of each clip inside it. */
	private List<ExportClip> ofWindow(CurrentUser user, UUID mallId, ExportRequest request, List<Video> sources) {
		if (request.pinIds() == null || request.pinIds().isEmpty()) {
			throw new InvalidRequestException("Name what to export: a video (video_id, in_seconds, out_seconds) or one or "
					+ "more pins and a window (pin_ids, from, to).");
		}
		if (request.inSeconds() != null || request.outSeconds() != null) {
			throw new InvalidRequestException("A window is given by from and to (wall-clock instants), not in_seconds and out_seconds.");
		}
		if (request.from() == null || request.to() == null) {
			throw new InvalidRequestException("A window needs both from and to (ISO-8601 instants).");
		}
		Instant from = request.from();
		Instant to = request.to();
		if (!to.isAfter(from)) {
			throw new InvalidRequestException("to (" + to + ") must be after from (" + from + ").");
		}
		if (Duration.between(from, to).compareTo(LONGEST) > 0) {
			throw new InvalidRequestException("An export covers at most 24 hours; this window is "
					+ Duration.between(from, to).toHours() + " h long.");
		}
		List<ExportClip> clips = new ArrayList<>();
		for (UUID pinId : new LinkedHashSet<>(request.pinIds())) {
			malls.requireVisiblePin(user, mallId, pinId);
			for (Video video : videos.recordedBetween(pinId, from, to, MAX_CLIPS + 1)) {
				if (video.uploadStatus() != UploadStatus.UPLOADED || video.deletionRequested()) {
					continue;
				}
				double duration = video.metadata().durationSeconds();
				double start = Math.max(0, secondsBetween(video.recordedAt(), from));
				double end = Math.min(duration, secondsBetween(video.recordedAt(), to));
				if (end - start < 0.001) {
					continue;
				}
				if (clips.size() == MAX_CLIPS) {
					throw new InvalidRequestException("This window holds more than " + MAX_CLIPS + " clips; export a shorter one.");
				}
				clips.add(new ExportClip(clips.size(), video.id(), pinId, start, end));
				sources.add(video);
			}
		}
		if (clips.isEmpty()) {
			throw new InvalidRequestException("There is no footage of " + (request.pinIds().size() == 1 ? "this pin" : "these pins")
					+ " between " + from + " and " + to + " to export.");
		}
		return clips;
	}

	private static void requireExportable(Video video) {
		if (video.uploadStatus() != UploadStatus.UPLOADED) {
			throw new InvalidRequestException(video.filename() + " has not been uploaded completely, so it cannot be exported.");
		}
	}

	/** When the last of the sources would have been deleted by its mall's retention; null when the mall keeps footage for ever. */
	private Instant keepUntil(UUID mallId, List<Video> sources) {
		Optional<Integer> days = retention.retentionDays(mallId);
		if (days.isEmpty()) {
			return null;
		}
		Instant latest = sources.stream()
			.map(video -> video.recordedAt() != null ? video.recordedAt() : video.uploadedAt() != null ? video.uploadedAt() : video.createdAt())
			.max(Instant::compareTo)
			.orElseThrow();
		return latest.plus(Duration.ofDays(days.get()));
	}

	/** The export, for a request whose right to it was checked otherwise (a signed link). */
	Optional<EvidenceExport> find(UUID exportId) {
		return exports.find(exportId);
	}

	/** The export, when the caller may see its mall; otherwise 404. */
	EvidenceExport requireVisible(CurrentUser user, UUID exportId) {
		return exports.find(exportId)
			.filter(export -> mallAccess.maySee(user, export.mallId(), "Export", exportId))
			.orElseThrow(() -> new NotFoundException("Export", exportId));
	}

	List<EvidenceExport> ofMall(CurrentUser user, UUID mallId) {
		malls.requireVisibleMall(user, mallId);
		return exports.ofMall(mallId, 500);
	}

	List<EvidenceExport> ofVideo(CurrentUser user, UUID videoId) {
		access.requireVisible(user, videoId);
		return exports.ofVideo(videoId);
	}

	/** Deletes the package and marks the export deleted (its record stays); its sources are kept for it no longer. */
	EvidenceExport delete(CurrentUser admin, UUID exportId) {
		EvidenceExport export = requireVisible(admin, exportId);
		delete(export, admin.email(), false);
		return exports.find(exportId).orElseThrow();
	}

	boolean delete(EvidenceExport export, String by, boolean byRetention) {
		storage.delete(EvidenceExport.packageKeyOf(export.id()));
		return Boolean.TRUE.equals(transaction.execute(status -> {
			if (!exports.markDeleted(export.id(), by, clock.instant())) {
				return false;
			}
			events.publishEvent(new ExportDeleted(export.id(), export.mallId(), byRetention, clock.instant()));
			return true;
		}));
	}

	private static double secondsBetween(Instant from, Instant to) {
		return Duration.between(from, to).toNanos() / 1e9;
	}

	private static String seconds(double value) {
		return java.math.BigDecimal.valueOf(value).setScale(3, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()
				+ " s";
	}

}
