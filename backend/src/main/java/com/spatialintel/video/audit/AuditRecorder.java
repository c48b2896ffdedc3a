package com.spatialintel.video.audit;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.spatialintel.video.audit.AuditLog.Actor;
import com.spatialintel.video.auth.MallAccessRefused;
import com.spatialintel.video.auth.SignInRefused;
import com.spatialintel.video.auth.SignedIn;
import com.spatialintel.video.auth.UserChanged;
import com.spatialintel.video.evidence.ExportEvents.ExportDeleted;
import com.spatialintel.video.evidence.ExportEvents.ExportDownloaded;
import com.spatialintel.video.evidence.ExportEvents.ExportFinished;
import com.spatialintel.video.evidence.ExportEvents.ExportRequested;
import com.spatialintel.video.library.StreamLinkIssued;
import com.spatialintel.video.library.VideoListRead;
import com.spatialintel.video.mall.MallChanged;
import com.spatialintel.video.processing.ReprocessRequested;
import com.spatialintel.video.retention.HoldEvents.HoldLifted;
import com.spatialintel.video.retention.HoldEvents.HoldPlaced;
import com.spatialintel.video.retention.HoldEvents.RetentionRan;
import com.spatialintel.video.timeline.TimelineRead;
import com.spatialintel.video.upload.UploadCompleted;
import com.spatialintel.video.video.DeletionCause;
import com.spatialintel.video.video.VideoDeleted;
import com.spatialintel.video.video.Videos;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One listener per audited event. Each runs in the publisher's transaction, so a change and its row
 * commit together; refusals are written in a transaction of their own, since the refused request's
 * rolls back. Reads (lists, timelines, plays) are buffered for a moment and written in batches
 * ({@link AuditLog#recordRead}). Posters and scrub previews are not audited (the page reads them many
 * a second).
 */
@Component
class AuditRecorder {

	private final AuditLog log;

	private final Videos videos;

	private final boolean reads;

	AuditRecorder(AuditLog log, Videos videos, AuditSettings settings) {
		this.log = log;
		this.videos = videos;
		this.reads = settings.recordReads();
	}

	@EventListener
	void on(SignedIn event) {
		log.record(new Actor(event.userId(), event.email()), "auth.sign_in", AuditOutcome.SUCCESS, null, null, null,
				Map.of("role", event.role().name()));
	}

	@EventListener
	void on(SignInRefused event) {
		AuditOutcome outcome = event.reason() == SignInRefused.Reason.WRONG_CREDENTIALS ? AuditOutcome.FAILURE
				: AuditOutcome.DENIED;
		log.recordRefusal(new Actor(null, event.email()), "auth.sign_in", outcome, null, null, null,
				Map.of("reason", lower(event.reason())));
	}

	@EventListener
	void on(MallAccessRefused event) {
		log.recordRefusal(new Actor(event.userId(), event.email()), "access.refused", AuditOutcome.DENIED, event.mallId(),
				null, null, Map.of("resource", event.resource(), "resource_id", String.valueOf(event.resourceId())));
	}

	@EventListener
	void on(VideoListRead event) {
		if (!reads) {
			return;
		}
		Map<String, Object> detail = new LinkedHashMap<>();
		put(detail, "status", event.status());
		put(detail, "from", event.from());
		put(detail, "to", event.to());
		detail.put("offset", event.offset());
		detail.put("total", event.total());
		log.recordRead("video.list", event.mallId(), event.pinId(), null, detail);
	}

	@EventListener
	void on(TimelineRead event) {
		if (!reads) {
			return;
		}
		log.recordRead("timeline.read", event.mallId(), event.pinId(), null,
				Map.of("from", event.from().toString(), "to", event.to().toString(), "clips", event.clips()));
	}

	@EventListener
	void on(StreamLinkIssued event) {
		if (!reads) {
			return;
		}
		log.recordRead("video.play", event.mallId(), event.pinId(), event.videoId(),
				Map.of("link_expires_at", event.expiresAt().toString()));
	}

	@EventListener
	void on(UploadCompleted event) {
		log.record("upload.complete", AuditOutcome.SUCCESS, event.mallId(), event.pinId(), event.videoId(),
				Map.of("filename", event.filename(), "size_bytes", event.fileSizeBytes(), "sha256", event.checksumSha256()));
	}

	@EventListener
	void on(VideoDeleted event) {
		Map<String, Object> detail = Map.of("filename", event.filename(), "sha256", event.checksumSha256());
		if (event.cause() == DeletionCause.RETENTION) {
			log.record(new Actor(null, "the app (retention)"), "retention.delete", AuditOutcome.SUCCESS, event.mallId(),
					event.pinId(), event.videoId(), detail);
		}
		else {
			log.record("video.delete", AuditOutcome.SUCCESS, event.mallId(), event.pinId(), event.videoId(), detail);
		}
	}

	@EventListener
	void on(ReprocessRequested event) {
		var video = videos.find(event.videoId());
		log.record("video.reprocess", AuditOutcome.SUCCESS, video.map(v -> v.mallId()).orElse(null),
				video.map(v -> v.pinId()).orElse(null), event.videoId(),
				Map.of("job_id", event.jobId().toString(), "job_type", event.type().value()));
	}

	@EventListener
	void on(UserChanged event) {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("user_id", event.userId().toString());
		detail.put("email", event.email());
		detail.put("role", event.role().name());
		detail.put("mall_ids", event.mallIds().stream().map(String::valueOf).toList());
		Actor actor = event.changedByUserId() == null ? new Actor(null, "the app (first admin)") : AuditLog.currentActor();
		log.record(actor, "account." + lower(event.change()), AuditOutcome.SUCCESS, null, null, null, detail);
	}

	@EventListener
	void on(MallChanged event) {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("name", event.name());
		log.record("mall." + lower(event.change()), AuditOutcome.SUCCESS, event.mallId(), event.pinId(), null, detail);
	}

	@EventListener
	void on(HoldPlaced event) {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("hold_id", event.holdId().toString());
		detail.put("reason", event.reason());
		detail.put("review_on", event.reviewOn().toString());
		if (event.windowFrom() != null) {
			detail.put("from", event.windowFrom().toString());
			detail.put("to", event.windowTo().toString());
		}
		log.record("hold.placed", AuditOutcome.SUCCESS, event.mallId(), event.pinId(), event.videoId(), detail);
	}

	@EventListener
	void on(HoldLifted event) {
		log.record("hold.lifted", AuditOutcome.SUCCESS, event.mallId(), event.pinId(), event.videoId(),
				Map.of("hold_id", event.holdId().toString(), "reason", event.reason()));
	}

	@EventListener
	void on(RetentionRan event) {
		if (event.deleted() > 0 || event.held() > 0) {
			log.record(new Actor(null, "the app (retention)"), "retention.run", AuditOutcome.SUCCESS, event.mallId(), null,
					null, Map.of("retention_days", event.retentionDays(), "deleted", event.deleted(), "held", event.held()));
		}
	}

	@EventListener
	void on(ExportRequested event) {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("export_id", event.exportId().toString());
		detail.put("mode", event.mode());
		detail.put("pin_ids", event.pinIds().stream().map(String::valueOf).toList());
		detail.put("video_ids", event.videoIds().stream().map(String::valueOf).toList());
		if (event.windowFrom() != null) {
			detail.put("from", event.windowFrom().toString());
			detail.put("to", event.windowTo().toString());
		}
		detail.put("recipient_name", event.recipientName());
		detail.put("recipient_organisation", event.recipientOrganisation());
		detail.put("purpose", event.purpose());
		detail.put("reference", event.reference());
		UUID pinId = event.pinIds().size() == 1 ? event.pinIds().get(0) : null;
		UUID videoId = event.videoIds().size() == 1 ? event.videoIds().get(0) : null;
		log.record("export.request", AuditOutcome.SUCCESS, event.mallId(), pinId, videoId, detail);
	}

	@EventListener
	void on(ExportFinished event) {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("export_id", event.exportId().toString());
		put(detail, "error", event.error());
		log.record(new Actor(null, "the app (export job)"), "export.finish",
				event.completed() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE, event.mallId(), null, null, detail);
	}

	@EventListener
	void on(ExportDownloaded event) {
		log.record("export.download", AuditOutcome.SUCCESS, event.mallId(), null, null,
				Map.of("export_id", event.exportId().toString(), "bytes", event.bytes()));
	}

	@EventListener
	void on(ExportDeleted event) {
		Actor actor = event.byRetention() ? new Actor(null, "the app (retention)") : AuditLog.currentActor();
		log.record(actor, "export.delete", AuditOutcome.SUCCESS, event.mallId(), null, null,
				Map.of("export_id", event.exportId().toString(), "by_retention", event.byRetention()));
	}

	private static String lower(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

	private static void put(Map<String, Object> detail, String key, String value) {
		if (value != null && !value.isBlank()) {
			detail.put(key, value);
		}
	}

}
