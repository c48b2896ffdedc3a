package com.spatialintel.video.mall;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.spatialintel.video.errors.PlainText;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.lang.Nullable;

/** Request and response bodies of the mall endpoints; JSON names are snake_case. */
final class MallApi {

	private MallApi() {
	}

	/** @param timeZone an IANA time zone such as {@code Europe/Berlin}; {@code UTC} when left out */
	record CreateMallRequest(@NotBlank @Size(max = 200) @PlainText String name, @Nullable @Size(max = 64) @PlainText String timeZone) {
	}

	/** {@code PATCH /api/malls/{mall_id}}: what changes, a new name, a new time zone or both. */
	record UpdateMallRequest(@Nullable @Size(max = 200) @PlainText String name,
			@Nullable @Size(max = 64) @PlainText String timeZone) {
	}

	/** {@code PATCH /api/malls/{mall_id}/pins/{pin_id}}: a new name. */
	record UpdatePinRequest(@NotBlank @Size(max = 200) @PlainText String name) {
	}

	record CreatePinRequest(@NotBlank @Size(max = 200) @PlainText String name) {
	}

	/** @param timeZone the IANA time zone in which the UI shows the mall's footage and days */
	record MallResponse(UUID id, String name, String timeZone, Instant createdAt) {
	}

	record PinResponse(UUID id, UUID mallId, String name, Instant createdAt) {
	}

	record MallListResponse(List<MallResponse> malls) {
	}

	record PinListResponse(List<PinResponse> pins) {
	}

}
