package com.spatialintel.video.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;

/** Waits on processing jobs through the job status API, as a client would. */
public final class Jobs {

	private Jobs() {
	}

	public static boolean isFinal(JsonNode job) {
		return List.of("completed", "failed", "cancelled").contains(job.path("status").asString());
	}

	/** Polls {@code GET /api/analysis/jobs/{id}} until the condition holds (90 s at most); returns the last answer. */
	public static JsonNode await(ApiClient api, String token, UUID jobId, Predicate<JsonNode> condition) {
		JsonNode[] last = new JsonNode[1];
		Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
			last[0] = api.get("/api/analysis/jobs/" + jobId, token).body();
			return condition.test(last[0]);
		});
		return last[0];
	}

	/** Uploads the file through the API and waits until its proxy job has ended; returns the job. */
	public static JsonNode uploadAndProcess(ApiClient api, Uploads uploads, String token, Path file) {
		ApiResponse completed = uploads.uploadWhole(file);
		if (completed.status() != 200) {
			throw new IllegalStateException("Upload failed: " + completed);
		}
		return await(api, token, UUID.fromString(completed.text("job_id")), Jobs::isFinal);
	}

}
