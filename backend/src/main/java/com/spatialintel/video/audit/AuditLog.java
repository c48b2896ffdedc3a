package com.spatialintel.video.audit;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.spatialintel.video.auth.CurrentUser;
import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes the audit log. {@link #record} puts a row into the inbox in the caller's transaction (a
 * change and its row commit together); {@link #seal} moves inbox rows into the chain, a batch at a
 * time, holding the lock of the chain's head row, so that every node's rows form one chain.
 */
@Service
public class AuditLog {

	/** Rows sealed per transaction. */
	static final int BATCH = 500;

	private final AuditRepository repository;

	private final TransactionTemplate transaction;

	private final TransactionTemplate independent;

	private final JsonMapper json;

	private final Clock clock;

	private final ConcurrentLinkedQueue<AuditEntry> reads = new ConcurrentLinkedQueue<>();

	AuditLog(AuditRepository repository, TransactionTemplate transaction, JsonMapper json, Clock clock) {
		this.repository = repository;
		this.transaction = transaction;
		this.independent = new TransactionTemplate(transaction.getTransactionManager());
		this.independent.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.json = json;
		this.clock = clock;
	}

	/** Who did it: the signed-in caller of this request, if any. */
	public record Actor(UUID userId, String email) {

		static final Actor NOBODY = new Actor(null, null);

	}

	/** A row for the caller of this request (none outside a request), from the request's client address. */
	public void record(String action, AuditOutcome outcome, UUID mallId, UUID pinId, UUID videoId, Map<String, ?> detail) {
		record(currentActor(), action, outcome, mallId, pinId, videoId, detail);
	}

	/** A row for a named actor (a sign-in, which has no caller yet; a job, which has none at all). */
	public void record(Actor actor, String action, AuditOutcome outcome, UUID mallId, UUID pinId, UUID videoId,
			Map<String, ?> detail) {
		repository.insertInbox(entry(actor, action, outcome, mallId, pinId, videoId, detail));
	}

	/**
	 * A refusal, recorded in a transaction of its own: the refused request's transaction rolls back,
	 * and its row must stay.
	 */
	public void recordRefusal(Actor actor, String action, AuditOutcome outcome, UUID mallId, UUID pinId, UUID videoId,
			Map<String, ?> detail) {
		independent.executeWithoutResult(status -> record(actor, action, outcome, mallId, pinId, videoId, detail));
	}

	/**
	 * A read (a list, a timeline, a play): kept in memory and written to the inbox with the other
	 * reads of the last {@code app.audit.flush-every} (250 ms) in one batch, so that reading costs
	 * no write of its own. A node that dies loses at most that much of its reads; changes and
	 * refusals are never buffered.
	 */
	public void recordRead(String action, UUID mallId, UUID pinId, UUID videoId, Map<String, ?> detail) {
		reads.add(entry(currentActor(), action, AuditOutcome.SUCCESS, mallId, pinId, videoId, detail));
	}

	/** Writes the buffered reads to the inbox: on every node, every 250 ms, and before sealing. */
	@Scheduled(fixedDelayString = "${app.audit.flush-every:250ms}", initialDelayString = "${app.audit.flush-every:250ms}")
	public void flushReads() {
		List<AuditEntry> batch = new ArrayList<>();
		for (AuditEntry entry = reads.poll(); entry != null; entry = reads.poll()) {
			batch.add(entry);
			if (batch.size() == BATCH) {
				repository.insertInbox(batch);
				batch = new ArrayList<>();
			}
		}
		if (!batch.isEmpty()) {
			repository.insertInbox(batch);
		}
	}

	@PreDestroy
	void flushOnStop() {
		flushReads();
	}

	/** Seals what waits in the inbox: on every node, every second, and before the log is read or checked. */
	@Scheduled(fixedDelayString = "${app.audit.seal-every:1s}", initialDelayString = "${app.audit.seal-every:1s}")
	public void seal() {
		flushReads();
		boolean more = true;
		while (more) {
			more = Boolean.TRUE.equals(transaction.execute(status -> {
				AuditRepository.Head head = repository.lockHead();
				List<AuditEntry> waiting = repository.oldestInInbox(BATCH);
				if (waiting.isEmpty()) {
					return false;
				}
				long seq = head.seq();
				String previous = head.hash();
				List<AuditEntry> chained = new ArrayList<>(waiting.size());
				for (AuditEntry entry : waiting) {
					seq++;
					AuditEntry numbered = entry.sealed(seq, previous, null);
					String hash = AuditHash.of(previous, numbered);
					chained.add(numbered.sealed(seq, previous, hash));
					previous = hash;
				}
				repository.append(chained);
				repository.deleteFromInbox(waiting.stream().map(AuditEntry::id).toList());
				repository.moveHead(new AuditRepository.Head(seq, previous));
				return waiting.size() == BATCH;
			}));
		}
	}

	/** A row as this request (its client address) and now make it, not yet in the chain. */
	private AuditEntry entry(Actor actor, String action, AuditOutcome outcome, UUID mallId, UUID pinId, UUID videoId,
			Map<String, ?> detail) {
		Actor who = actor == null ? Actor.NOBODY : actor;
		return new AuditEntry(0, UUID.randomUUID(), clock.instant().truncatedTo(ChronoUnit.MICROS), who.userId(),
				who.email(), clientAddress(), action, outcome, mallId, pinId, videoId, detail(detail), null, null);
	}

	static Actor currentActor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
			return new Actor(user.id(), user.email());
		}
		return Actor.NOBODY;
	}

	private static String clientAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

	private String detail(Map<String, ?> detail) {
		if (detail == null || detail.isEmpty()) {
			return null;
		}
		String text = json.writeValueAsString(new LinkedHashMap<>(detail));
		return text.length() <= 4000 ? text : json.writeValueAsString(Map.of("truncated", true, "start", text.substring(0, 1800)));
	}

}
