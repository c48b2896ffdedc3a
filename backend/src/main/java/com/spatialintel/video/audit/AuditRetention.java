package com.spatialintel.video.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import com.spatialintel.video.database.ClusterLock;
import com.spatialintel.video.runtime.RuntimeSettings;
import com.spatialintel.video.database.SqlDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit log's own retention, the only deletion its trigger allows: once a day, on one node,
 * the rows older than {@code AUDIT_RETENTION_DAYS} go, and a checkpoint row at the end of the chain
 * records the last deleted row's seq and hash, so that the chain still verifies from the first row
 * kept.
 */
@Component
class AuditRetention {

	private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

	static final String LOCK = "audit-retention";

	private final AuditRepository repository;

	private final AuditSettings settings;

	private final ClusterLock locks;

	private final TransactionTemplate transaction;

	private final JsonMapper json;

	private final boolean postgres;

	private final Clock clock;

	AuditRetention(AuditRepository repository, AuditSettings settings, ClusterLock locks, TransactionTemplate transaction,
			JsonMapper json, RuntimeSettings runtime, Clock clock) {
		this.repository = repository;
		this.settings = settings;
		this.locks = locks;
		this.transaction = transaction;
		this.json = json;
		this.postgres = runtime.sqlDialect() == SqlDialect.POSTGRESQL;
		this.clock = clock;
	}

	@Scheduled(cron = "0 30 3 * * *")
	void daily() {
		Optional<String> holder = locks.tryLock(LOCK, Duration.ofMinutes(30));
		if (holder.isEmpty()) {
			return;
		}
		try {
			int deleted = run();
			if (deleted > 0) {
				log.info("Audit log retention deleted {} rows older than {} days", deleted, settings.retention().toDays());
			}
		}
		finally {
			locks.unlock(LOCK, holder.get());
		}
	}

	/** @return how many rows were deleted */
	int run() {
		Instant cutoff = clock.instant().minus(settings.retention());
		return Objects.requireNonNullElse(transaction.execute(status -> {
			AuditRepository.Head head = repository.lockHead();
			Optional<AuditEntry> last = repository.lastBefore(cutoff);
			if (last.isEmpty() || last.get().outcome() == AuditOutcome.CHECKPOINT && last.get().seq() == head.seq()) {
				return 0;
			}
			int deleted = repository.deleteThrough(last.get().seq(), postgres);
			Map<String, Object> detail = new LinkedHashMap<>();
			detail.put("through_seq", last.get().seq());
			detail.put("last_hash", last.get().rowHash());
			detail.put("deleted_rows", deleted);
			detail.put("older_than", cutoff.toString());
			long seq = head.seq() + 1;
			AuditEntry checkpoint = new AuditEntry(seq, UUID.randomUUID(), clock.instant().truncatedTo(ChronoUnit.MICROS),
					null, "the app (audit retention)", null, "audit.retention", AuditOutcome.CHECKPOINT, null, null, null,
					json.writeValueAsString(detail), head.hash(), null);
			String hash = AuditHash.of(head.hash(), checkpoint);
			repository.append(checkpoint.sealed(seq, head.hash(), hash));
			repository.moveHead(new AuditRepository.Head(seq, hash));
			return deleted;
		}), 0);
	}

}
