package com.spatialintel.video.audit;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param retention how long the audit log keeps a row ({@code AUDIT_RETENTION_DAYS}, 400 by default)
 * @param recordReads whether list reads, timeline reads and plays are recorded ({@code AUDIT_LOG_READS},
 * true by default); changes, refusals and sign-ins always are
 */
@Validated
@ConfigurationProperties("app.audit")
record AuditSettings(@DurationMin(days = 1, message = "AUDIT_RETENTION_DAYS must be 1 or more.") Duration retention,
		boolean recordReads) {
}
