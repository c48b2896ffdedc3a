package com.spatialintel.video.audit;

import java.time.Instant;
import java.util.UUID;

import com.spatialintel.video.testing.UnitTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@UnitTest
class AuditHashTests {

	private static final AuditEntry ROW = new AuditEntry(7, UUID.fromString("00000000-0000-4000-8000-000000000007"),
			Instant.parse("2026-12-06T10:00:00.123456Z"), null, "ana@example.com", "10.0.0.1", "video.play",
			AuditOutcome.SUCCESS, null, null, UUID.fromString("00000000-0000-4000-8000-0000000000aa"), "{\"a\":1}", null, null);

	@Test
	void theHashCoversThePreviousHashAndEveryField() {
		String hash = AuditHash.of(AuditHash.GENESIS, ROW);

		assertThat(hash).hasSize(64).matches("[0-9a-f]+");
		assertThat(AuditHash.of(AuditHash.GENESIS, ROW)).isEqualTo(hash);
		assertThat(AuditHash.of("1".repeat(64), ROW)).isNotEqualTo(hash);
		assertThat(AuditHash.of(AuditHash.GENESIS, ROW.sealed(8, null, null))).isNotEqualTo(hash);
		AuditEntry otherEmail = new AuditEntry(7, ROW.id(), ROW.at(), null, "ana@example.org", ROW.clientAddress(),
				ROW.action(), ROW.outcome(), null, null, ROW.videoId(), ROW.detail(), null, null);
		assertThat(AuditHash.of(AuditHash.GENESIS, otherEmail)).isNotEqualTo(hash);
	}

	@Test
	void fieldsCannotBeShiftedIntoOneAnother() {
		AuditEntry a = new AuditEntry(1, ROW.id(), ROW.at(), null, "a|b", null, "x", AuditOutcome.SUCCESS, null, null, null,
				null, null, null);
		AuditEntry b = new AuditEntry(1, ROW.id(), ROW.at(), null, "a", "b", "x", AuditOutcome.SUCCESS, null, null, null,
				null, null, null);
		assertThat(AuditHash.of(AuditHash.GENESIS, a)).isNotEqualTo(AuditHash.of(AuditHash.GENESIS, b));
	}

	@Test
	void csvCellsAreQuotedAndFormulasDefused() {
		assertThat(AuditController.cell(null)).isEmpty();
		assertThat(AuditController.cell("plain")).isEqualTo("plain");
		assertThat(AuditController.cell("{\"a\":1,\"b\":2}")).isEqualTo("\"{\"\"a\"\":1,\"\"b\"\":2}\"");
		assertThat(AuditController.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
		assertThat(AuditController.cell("-1")).isEqualTo("'-1");
	}

}
