package com.spatialintel.video.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import com.spatialintel.video.errors.InvalidRequestException;
import com.spatialintel.video.errors.QueryValues;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit log for admins: {@code GET /api/admin/audit} (newest first, paged), the same filter as
 * CSV, and {@code GET /api/admin/audit/verify}. What waits in the inbox is sealed first, so a
 * reader sees every event up to the request.
 */
@RestController
@RequestMapping("/api/admin/audit")
@PreAuthorize("hasRole('ADMIN')")
class AuditController {

	static final int MAX_LIMIT = 500;

	/** The most rows one CSV holds; narrow the filter for more. */
	static final int CSV_ROWS = 100_000;

	private final AuditRepository repository;

	private final AuditLog log;

	private final AuditVerifier verifier;

	private final JsonMapper json;

	AuditController(AuditRepository repository, AuditLog log, AuditVerifier verifier, JsonMapper json) {
		this.repository = repository;
		this.log = log;
		this.verifier = verifier;
		this.json = json;
	}

	/** One row as the API gives it, {@code detail} as a JSON object. */
	record AuditRow(long seq, UUID id, Instant at, UUID actorUserId, String actorEmail, String clientAddress,
			String action, AuditOutcome outcome, UUID mallId, UUID pinId, UUID videoId, JsonNode detail, String prevHash,
			String rowHash) {
	}

	record AuditPage(List<AuditRow> entries, long total, int limit, long offset) {
	}

	/**
	 * @param user a user id, or the e-mail address as it was recorded
	 * @param action an action ({@code video.play}), or a family ending in a dot ({@code account.})
	 */
	@GetMapping
	AuditPage list(@RequestParam(required = false) String user, @RequestParam(required = false) String action,
			@RequestParam(name = "mall_id", required = false) UUID mallId, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(defaultValue = "50") int limit,
			@RequestParam(defaultValue = "0") long offset) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new InvalidRequestException("limit must be between 1 and " + MAX_LIMIT + ", not " + limit + ".");
		}
		if (offset < 0) {
			throw new InvalidRequestException("offset must be 0 or more, not " + offset + ".");
		}
		AuditFilter filter = filter(user, action, mallId, from, to);
		log.seal();
		AuditRepository.Page page = repository.page(filter, limit, offset);
		return new AuditPage(page.rows().stream().map(this::row).toList(), page.total(), limit, offset);
	}

	/** The same filter as a CSV file, oldest row last as in the list; at most {@value #CSV_ROWS} rows. */
	@GetMapping(value = "/export.csv", produces = "text/csv")
	ResponseEntity<byte[]> csv(@RequestParam(required = false) String user, @RequestParam(required = false) String action,
			@RequestParam(name = "mall_id", required = false) UUID mallId, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		AuditFilter filter = filter(user, action, mallId, from, to);
		log.seal();
		StringBuilder csv = new StringBuilder(
				"seq,at,actor_user_id,actor_email,client_address,action,outcome,mall_id,pin_id,video_id,detail,prev_hash,row_hash\r\n");
		for (AuditEntry entry : repository.page(filter, CSV_ROWS, 0).rows()) {
			Object[] cells = { entry.seq(), entry.at(), entry.actorUserId(), entry.actorEmail(), entry.clientAddress(),
					entry.action(), entry.outcome().value(), entry.mallId(), entry.pinId(), entry.videoId(), entry.detail(),
					entry.prevHash(), entry.rowHash() };
			for (int i = 0; i < cells.length; i++) {
				csv.append(i == 0 ? "" : ",").append(cell(cells[i]));
			}
			csv.append("\r\n");
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("audit-log.csv").build().toString())
			.body(csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	/** Re-walks the chain and names the first row that breaks it. */
	@GetMapping("/verify")
	AuditVerifier.Verdict verify() {
		return verifier.verify();
	}

	private AuditRow row(AuditEntry entry) {
		return new AuditRow(entry.seq(), entry.id(), entry.at(), entry.actorUserId(), entry.actorEmail(),
				entry.clientAddress(), entry.action(), entry.outcome(), entry.mallId(), entry.pinId(), entry.videoId(),
				entry.detail() == null ? null : json.readTree(entry.detail()), entry.prevHash(), entry.rowHash());
	}

	private static AuditFilter filter(String user, String action, UUID mallId, String from, String to) {
		Instant start = QueryValues.instant("from", from);
		Instant end = QueryValues.instant("to", to);
		if (start != null && end != null && !start.isBefore(end)) {
			throw new InvalidRequestException("from must be earlier than to.");
		}
		if (user != null && user.length() > 254 || action != null && action.length() > 48) {
			throw new InvalidRequestException("user is at most 254 characters and action at most 48.");
		}
		return new AuditFilter(blankToNull(user), blankToNull(action), mallId, start, end);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	/** RFC 4180 quoting; a cell a spreadsheet would run as a formula starts with an apostrophe. */
	static String cell(Object value) {
		if (value == null) {
			return "";
		}
		String text = Objects.toString(value);
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

}
