package com.spatialintel.video.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/** Drives the upload API as the web UI does: initiate, PUT parts straight to S3, complete. */
public final class Uploads {

	private final ApiClient api;

	private final String token;

	private final UUID mallId;

	private final UUID pinId;

	public Uploads(ApiClient api, String token, UUID mallId, UUID pinId) {
		this.api = api;
		this.token = token;
		this.mallId = mallId;
		this.pinId = pinId;
	}

	public String path(String suffix) {
		return "/api/malls/" + mallId + "/pins/" + pinId + "/uploads" + suffix;
	}

	public ApiResponse initiate(Path file) {
		return initiate(file.getFileName().toString(), TestVideos.size(file), TestVideos.sha256(file));
	}

	public ApiResponse initiate(String filename, long size, String checksum) {
		return initiate(filename, size, checksum, "2026-10-30T14:00:00Z");
	}

	/** @param recordedAt the operator's recording time; null when the operator gives none */
	public ApiResponse initiate(String filename, long size, String checksum, String recordedAt) {
		Map<String, Object> metadata = new java.util.HashMap<>();
		metadata.put("operator_notes", "north entrance, morning");
		if (recordedAt != null) {
			metadata.put("recorded_at", recordedAt);
		}
		return api.post(path("/initiate"), token,
				Map.of("filename", filename, "file_size_bytes", size, "checksum_sha256", checksum, "metadata", metadata));
	}

	/** PUTs the given parts of the file to the URLs an initiate or sign answer holds; returns their ETags by part. */
	public Map<Integer, String> putParts(JsonNode signed, Path file, int... partNumbers) {
		long partSize = signed.path("part_size_bytes").asLong(0);
		Map<Integer, String> etags = new java.util.TreeMap<>();
		for (JsonNode url : signed.path("presigned_urls")) {
			int number = url.path("part_number").asInt();
			if (partNumbers.length > 0 && Arrays.stream(partNumbers).noneMatch(wanted -> wanted == number)) {
				continue;
			}
			ApiResponse stored = api.putToStorage(url.path("url").asString(), slice(file, number, partSize));
			if (stored.status() != 200) {
				throw new IllegalStateException("S3 refused part " + number + ": " + stored);
			}
			etags.put(number, stored.header("ETag"));
		}
		return etags;
	}

	public ApiResponse complete(UUID videoId, Map<Integer, String> etags) {
		List<Map<String, Object>> parts = new ArrayList<>();
		etags.forEach((number, etag) -> parts.add(Map.of("part_number", number, "etag", etag)));
		return api.post(path("/" + videoId + "/complete"), token, Map.of("parts", parts));
	}

	public ApiResponse completeWithoutReceipts(UUID videoId) {
		return api.sendRaw("POST", path("/" + videoId + "/complete"), token, null, null);
	}

	/** Initiates, uploads every part and completes; returns the completion answer. */
	public ApiResponse uploadWhole(Path file) {
		return uploadWhole(file, "2026-10-30T14:00:00Z");
	}

	/** The same, with the operator's recording time (null: none). */
	public ApiResponse uploadWhole(Path file, String recordedAt) {
		ApiResponse initiated = initiate(file.getFileName().toString(), TestVideos.size(file), TestVideos.sha256(file),
				recordedAt);
		if (initiated.status() != 201) {
			throw new IllegalStateException("Initiate failed: " + initiated);
		}
		return complete(UUID.fromString(initiated.text("video_id")), putParts(initiated.body(), file));
	}

	public static byte[] slice(Path file, int partNumber, long partSize) {
		try {
			byte[] all = Files.readAllBytes(file);
			int from = (int) ((partNumber - 1) * partSize);
			int to = (int) Math.min(all.length, from + partSize);
			return Arrays.copyOfRange(all, from, to);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
