package com.spatialintel.video.mall;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.spatialintel.video.errors.PlainText;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Request and response bodies of the mall endpoints; JSON names are snake_case. */
final class MallApi {

	private MallApi() {
	}

	record CreateMallRequest(@NotBlank @Size(max = 200) @PlainText String name) {
	}

	record CreatePinRequest(@NotBlank @Size(max = 200) @PlainText String name) {
	}

	record MallResponse(UUID id, String name, Instant createdAt) {
	}

	record PinResponse(UUID id, UUID mallId, String name, Instant createdAt) {
	}

	record MallListResponse(List<MallResponse> malls) {
	}

	record PinListResponse(List<PinResponse> pins) {
	}

}
