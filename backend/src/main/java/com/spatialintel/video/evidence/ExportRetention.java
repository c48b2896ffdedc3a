package com.spatialintel.video.evidence;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.spatialintel.video.database.ClusterLock;
import com.spatialintel.video.retention.RetentionRules;
import com.spatialintel.video.video.Videos;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * An export is kept as long as its sources' retention allows ({@code keep_until}), or longer while
 * a legal hold keeps one of its sources. Once a day, on one node, the exports past that are deleted
 * with their packages (audited); their sources are then left to retention's next run.
 */
@Component
class ExportRetention {

	private static final Logger log = LoggerFactory.getLogger(ExportRetention.class);

	static final String LOCK = "evidence";

	private final ExportRepository exports;

	private final ExportService service;

	private final RetentionRules retention;

	private final Videos videos;

	private final ClusterLock locks;

	private final Clock clock;

	ExportRetention(ExportRepository exports, ExportService service, RetentionRules retention, Videos videos,
			ClusterLock locks, Clock clock) {
		this.exports = exports;
		this.service = service;
		this.retention = retention;
		this.videos = videos;
		this.locks = locks;
		this.clock = clock;
	}

	@Scheduled(cron = "${app.retention.cron:0 15 2 * * *}")
	void daily() {
		run();
	}

	/** @return how many exports were deleted; empty when another node ran the sweep */
	Optional<Integer> run() {
		Optional<String> holder = locks.tryLock(LOCK, Duration.ofHours(1));
		if (holder.isEmpty()) {
			return Optional.empty();
		}
		try {
			int deleted = 0;
			List<UUID> due = exports.pastRetention(clock.instant(), 1_000);
			for (UUID exportId : due) {
				EvidenceExport export = exports.find(exportId).orElse(null);
				if (export == null || held(export)) {
					continue;
				}
				if (service.delete(export, "retention", true)) {
					deleted++;
				}
			}
			if (deleted > 0) {
				log.info("Deleted {} evidence exports past their sources' retention", deleted);
			}
			return Optional.of(deleted);
		}
		finally {
			locks.unlock(LOCK, holder.get());
		}
	}

	private boolean held(EvidenceExport export) {
		return export.clips()
			.stream()
			.anyMatch(clip -> videos.find(clip.videoId()).map(video -> !retention.holdReasons(video).isEmpty()).orElse(false));
	}

}
