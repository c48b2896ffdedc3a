package com.spatialintel.video.evidence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.spatialintel.video.errors.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.lang.Nullable;

/** Request and response bodies of evidence exports; JSON names are snake_case. */
final class ExportApi {

	private ExportApi() {
	}

	/**
	 * {@code POST /api/malls/{mall_id}/exports}: either one video from In to Out ({@code video_id},
	 * {@code in_seconds}, {@code out_seconds}, media time), or a wall-clock window of one or more pins
	 * ({@code pin_ids}, {@code from}, {@code to}, at most 24 h), with the disclosure form.
	 * @param mode {@code stream_copy} (default) or {@code frame_exact}
	 */
	record ExportRequest(@Nullable UUID videoId, @Nullable Double inSeconds, @Nullable Double outSeconds,
			@Nullable @Size(max = 50) List<UUID> pinIds, @Nullable Instant from, @Nullable Instant to, @Nullable String mode,
			@NotBlank @Size(max = 200) @PlainText String recipientName,
			@NotBlank @Size(max = 200) @PlainText String recipientOrganisation,
			@NotBlank @Size(max = 1000) @PlainText(multiline = true) String purpose,
			@NotBlank @Size(max = 200) @PlainText String reference) {
	}

	record ClipResponse(UUID videoId, UUID pinId, double requestedStartSeconds, double requestedEndSeconds) {
	}

	/**
	 * An export as its job stands: {@code status} queued, running (with {@code progress} 0–99),
	 * completed (the package's size and SHA-256), failed (with {@code error}) or deleted.
	 * @param keepUntil when its sources' retention lets it go; null while its mall keeps footage for ever
	 */
	record ExportResponse(UUID id, UUID mallId, String status, int progress, @Nullable String error, String mode,
			boolean derivative, @Nullable Instant windowFrom, @Nullable Instant windowTo, String recipientName,
			String recipientOrganisation, String purpose, String reference, String createdBy, Instant createdAt,
			@Nullable Instant startedAt, @Nullable Instant completedAt, @Nullable String packageName, @Nullable Long packageBytes,
			@Nullable String packageSha256, @Nullable Instant keepUntil, @Nullable Instant deletedAt,
			@Nullable String deletedBy, List<ClipResponse> clips) {

		static ExportResponse of(EvidenceExport export) {
			Disclosure form = export.disclosure();
			boolean completed = export.status() == ExportStatus.COMPLETED;
			return new ExportResponse(export.id(), export.mallId(), export.status().value(), export.progress(),
					export.error(), export.mode().value(), export.mode() == ExportMode.FRAME_EXACT, export.windowFrom(),
					export.windowTo(), form.recipientName(), form.recipientOrganisation(), form.purpose(), form.reference(),
					export.createdByEmail(), export.createdAt(), export.startedAt(), export.completedAt(),
					completed ? export.packageName() : null, export.packageBytes(), export.packageSha256(),
					export.keepUntil(), export.deletedAt(), export.deletedByEmail(),
					export.clips()
						.stream()
						.map(clip -> new ClipResponse(clip.videoId(), clip.pinId(), clip.requestedStart(), clip.requestedEnd()))
						.toList());
		}

	}

	record ExportList(List<ExportResponse> exports) {
	}

	/** {@code GET /api/exports/{id}/download-url}: a link that needs no bearer token until {@code expires_at}. */
	record DownloadLink(String url, Instant expiresAt) {
	}

}
