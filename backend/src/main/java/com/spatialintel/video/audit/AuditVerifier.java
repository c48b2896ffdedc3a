package com.spatialintel.video.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Walks the chain from its first row to its head and names the first row that does not hold: a
 * hash that is not the hash of its row (the row was changed), a previous hash that is not the hash
 * of the row before (a row was removed or changed), a gap in the sequence, or a head the last row
 * does not reach (rows removed at the end). Rows removed by the log's own retention are accounted
 * for by their checkpoint row.
 */
@Component
class AuditVerifier {

	private static final int PAGE = 5_000;

	private final AuditRepository repository;

	private final AuditLog log;

	private final JsonMapper json;

	AuditVerifier(AuditRepository repository, AuditLog log, JsonMapper json) {
		this.repository = repository;
		this.log = log;
		this.json = json;
	}

	/** The verdict: {@code firstBroken*} are null when the whole chain holds. */
	record Verdict(boolean valid, long checkedRows, long headSeq, Long firstBrokenSeq, String firstBrokenId,
			String reason) {
	}

	Verdict verify() {
		log.seal();
		Map<Long, String> checkpoints = new HashMap<>();
		for (AuditEntry checkpoint : repository.checkpoints()) {
			JsonNode detail = json.readTree(checkpoint.detail());
			checkpoints.put(detail.path("through_seq").asLong(), detail.path("last_hash").asString());
		}
		AuditRepository.Head head = repository.readHead();
		long checked = 0;
		long lastSeq = -1;
		String expected = null;
		while (true) {
			List<AuditEntry> rows = repository.chainAfter(lastSeq < 0 ? 0 : lastSeq, PAGE);
			for (AuditEntry row : rows) {
				if (lastSeq < 0) {
					expected = row.seq() == 1 ? AuditHash.GENESIS : checkpoints.get(row.seq() - 1);
					if (expected == null) {
						return broken(checked, head, row, "rows 1 to " + (row.seq() - 1)
								+ " are missing and no checkpoint of the log's retention accounts for them");
					}
				}
				else if (row.seq() != lastSeq + 1) {
					return broken(checked, head, row, "rows " + (lastSeq + 1) + " to " + (row.seq() - 1) + " are missing");
				}
				if (!row.prevHash().equals(expected)) {
					return broken(checked, head, row,
							"its prev_hash is not the hash of the row before it: that row was changed or removed");
				}
				if (!AuditHash.of(row.prevHash(), row).equals(row.rowHash())) {
					return broken(checked, head, row, "its content does not match its row_hash: the row was changed");
				}
				expected = row.rowHash();
				lastSeq = row.seq();
				checked++;
			}
			if (rows.size() < PAGE) {
				break;
			}
		}
		if (head.seq() != Math.max(lastSeq, 0) || (lastSeq > 0 && !head.hash().equals(expected))) {
			return new Verdict(false, checked, head.seq(), lastSeq + 1, null,
					"the chain ends at row " + Math.max(lastSeq, 0) + " but its head is row " + head.seq()
							+ ": the last rows were removed");
		}
		return new Verdict(true, checked, head.seq(), null, null, null);
	}

	private static Verdict broken(long checked, AuditRepository.Head head, AuditEntry row, String why) {
		return new Verdict(false, checked, head.seq(), row.seq(), row.id().toString(), "Row " + row.seq() + " breaks the chain: " + why + ".");
	}

}
