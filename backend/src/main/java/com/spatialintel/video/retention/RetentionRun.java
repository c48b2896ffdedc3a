package com.spatialintel.video.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.spatialintel.video.database.ClusterLock;
import com.spatialintel.video.library.VideoDeletion;
import com.spatialintel.video.retention.HoldEvents.HoldsOverdue;
import com.spatialintel.video.retention.HoldEvents.RetentionRan;
import com.spatialintel.video.video.DeletionRefusedException;
import com.spatialintel.video.video.Video;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily retention run ({@code RETENTION_CRON}, 02:15 by default), on one node however many run
 * it: each mall's {@link RetentionPlan} is carried out through the deletion the API uses (every
 * deletion is audited with the video's checksum), and the holds past their review date are
 * announced once. {@code retention_deleted_total} and {@code retention_held_total} count.
 */
@Component
class RetentionRun {

	private static final Logger log = LoggerFactory.getLogger(RetentionRun.class);

	static final String LOCK = "retention";

	private final LegalHoldRepository repository;

	private final RetentionPlan plans;

	private final VideoDeletion deletion;

	private final ClusterLock locks;

	private final ApplicationEventPublisher events;

	private final Counter deleted;

	private final Counter held;

	private final Clock clock;

	RetentionRun(LegalHoldRepository repository, RetentionPlan plans, VideoDeletion deletion, ClusterLock locks,
			ApplicationEventPublisher events, MeterRegistry meters, Clock clock) {
		this.repository = repository;
		this.plans = plans;
		this.deletion = deletion;
		this.locks = locks;
		this.events = events;
		this.deleted = Counter.builder("retention.deleted").description("Videos deleted by retention").register(meters);
		this.held = Counter.builder("retention.held")
			.description("Videos past their mall's retention that a legal hold kept, counted per run")
			.register(meters);
		this.clock = clock;
	}

	/** The report of one run: per mall, what went and what holds kept; empty when another node ran it. */
	record Report(List<RetentionRan> malls, int overdueHolds) {
	}

	@Scheduled(cron = "${app.retention.cron:0 15 2 * * *}")
	void daily() {
		run();
	}

	Optional<Report> run() {
		Optional<String> holder = locks.tryLock(LOCK, Duration.ofHours(2));
		if (holder.isEmpty()) {
			return Optional.empty();
		}
		try {
			List<RetentionRan> ran = new ArrayList<>();
			for (UUID mallId : repository.mallsWithRetention()) {
				ran.add(runMall(mallId));
			}
			List<HoldsOverdue.Overdue> overdue = repository.overdue(LocalDate.now(clock.withZone(ZoneOffset.UTC)))
				.stream()
				.map(hold -> new HoldsOverdue.Overdue(hold.id(), hold.mallId(), hold.reason(), hold.reviewOn(), hold.placedByEmail()))
				.toList();
			if (!overdue.isEmpty()) {
				events.publishEvent(new HoldsOverdue(overdue, clock.instant()));
			}
			return Optional.of(new Report(ran, overdue.size()));
		}
		finally {
			locks.unlock(LOCK, holder.get());
		}
	}

	private RetentionRan runMall(UUID mallId) {
		RetentionPlan.Plan plan = plans.of(mallId);
		int gone = 0;
		for (Video video : plan.deletions()) {
			try {
				deletion.deleteByRetention(video);
				gone++;
			}
			catch (DeletionRefusedException keptMeanwhile) {
				log.info("Retention kept video {}: {}", video.id(), keptMeanwhile.getMessage());
			}
		}
		deleted.increment(gone);
		held.increment(plan.held().size());
		if (gone > 0 || !plan.held().isEmpty()) {
			log.info("Retention of mall {} ({} days): {} videos deleted, {} kept by legal holds", mallId,
					plan.retentionDays(), gone, plan.held().size());
		}
		RetentionRan report = new RetentionRan(mallId, plan.retentionDays(), gone, plan.held().size(), clock.instant());
		events.publishEvent(report);
		return report;
	}

}
