package com.spatialintel.video.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.spatialintel.video.errors.PlainText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.lang.Nullable;

/** Request and response bodies of retention and legal holds; JSON names are snake_case. */
final class RetentionApi {

	private RetentionApi() {
	}

	/** {@code PUT /api/admin/retention/malls/{mall_id}}: days to keep footage (1–3,650), or null for off. */
	record RetentionRequest(@Nullable @Min(1) @Max(3650) Integer retentionDays) {
	}

	record RetentionSetting(UUID mallId, Integer retentionDays) {
	}

	/** What the next run deletes in the mall, and what holds keep; the run uses the same code. */
	record RetentionPreview(UUID mallId, Integer retentionDays, Instant cutoff, long count, long totalBytes,
			List<PreviewVideo> videos, long heldCount, List<HeldVideo> held) {
	}

	record PreviewVideo(UUID videoId, UUID pinId, String filename, Instant recordedAt, Instant uploadedAt,
			long fileSizeBytes, String checksumSha256) {
	}

	/** A video retention keeps: by a legal hold ({@code hold_id}), or by an evidence export of it ({@code hold_id} null, the reason says which). */
	record HeldVideo(UUID videoId, String filename, @Nullable UUID holdId, String reason) {
	}

	/**
	 * {@code POST /api/admin/holds}: on one video ({@code video_id}), or on a pin's footage overlapping
	 * {@code [from, to)} ({@code pin_id}, {@code from}, {@code to}).
	 */
	record PlaceHoldRequest(@Nullable UUID videoId, @Nullable UUID pinId, @Nullable Instant from, @Nullable Instant to,
			@NotBlank @Size(max = 1000) @PlainText(multiline = true) String reason, @NotNull LocalDate reviewOn) {
	}

	record HoldResponse(UUID id, UUID mallId, UUID videoId, UUID pinId, Instant from, Instant to, String reason,
			LocalDate reviewOn, String placedBy, Instant placedAt, String liftedBy, Instant liftedAt, boolean active) {

		static HoldResponse of(LegalHold hold) {
			return new HoldResponse(hold.id(), hold.mallId(), hold.videoId(), hold.pinId(), hold.windowFrom(),
					hold.windowTo(), hold.reason(), hold.reviewOn(), hold.placedByEmail(), hold.placedAt(),
					hold.liftedByEmail(), hold.liftedAt(), hold.active());
		}

	}

	record HoldList(List<HoldResponse> holds) {
	}

}
