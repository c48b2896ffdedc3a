package com.spatialintel.video.processing;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.spatialintel.video.auth.CurrentUser;
import com.spatialintel.video.auth.Role;
import com.spatialintel.video.errors.ConflictException;
import com.spatialintel.video.errors.InvalidRequestException;
import com.spatialintel.video.errors.NotFoundException;
import com.spatialintel.video.motion.MotionIndexes;
import com.spatialintel.video.video.UploadStatus;
import com.spatialintel.video.video.Video;
import com.spatialintel.video.video.VideoAccess;
import com.spatialintel.video.video.Videos;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class JobController {

	private final ProcessingJobs jobs;

	private final Videos videos;

	private final JsonMapper json;

	private final VideoAccess access;

	private final MotionIndexes motionIndexes;

	JobController(ProcessingJobs jobs, Videos videos, VideoAccess access, JsonMapper json, MotionIndexes motionIndexes) {
		this.motionIndexes = motionIndexes;
		this.access = access;
		this.jobs = jobs;
		this.videos = videos;
		this.json = json;
	}

	/**
	 * A video gets a new job of a type ({@code proxy} unless named) once its last one has ended: 202
	 * with the job to follow. For a proxy job, a failed or completed video is processed again.
	 */
	@ApiResponse(responseCode = "202", description = "A new job is queued; Location is the job to follow",
			content = @Content(schema = @Schema(implementation = Reprocessing.class)))
	@PostMapping("/api/videos/{video_id}/reprocess")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
	ResponseEntity<Reprocessing> reprocess(@AuthenticationPrincipal CurrentUser user,
			@PathVariable("video_id") UUID videoId,
			@Parameter(description = "The job type: proxy") @RequestParam(name = "job_type", defaultValue = "proxy") String jobType) {
		JobType type = JobType.named(jobType)
			.orElseThrow(() -> new InvalidRequestException("job_type must be one of: " + Arrays.stream(JobType.values())
				.map(JobType::value).collect(Collectors.joining(", ")) + "."));
		Video video = access.requireVisible(user, videoId);
		if (video.uploadStatus() != UploadStatus.UPLOADED) {
			throw new ConflictException("Only an uploaded video can be processed; this one is "
					+ video.uploadStatus().value() + ".");
		}
		UUID jobId = jobs.reprocess(videoId, type)
			.orElseThrow(() -> new ConflictException("This video is being processed already (it is "
					+ videos.find(videoId).map(current -> current.processingStatus().value()).orElse("gone")
					+ "); follow its job instead."));
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.location(URI.create("/api/analysis/jobs/" + jobId))
			.body(new Reprocessing(videoId, jobId));
	}

	/**
	 * "Build missing motion indexes": a {@code motion_index} job for every processed video without
	 * an index (of this server's format), made from its stored proxy; each is followed like any job.
	 */
	@PostMapping("/api/admin/motion-indexes")
	@PreAuthorize("hasRole('ADMIN')")
	@ResponseStatus(HttpStatus.ACCEPTED)
	MotionIndexesQueued buildMissingMotionIndexes() {
		int queued = 0;
		int busy = 0;
		for (UUID videoId : motionIndexes.missing(MAX_MOTION_INDEX_JOBS)) {
			if (jobs.reprocess(videoId, JobType.MOTION_INDEX).isPresent()) {
				queued++;
			}
			else {
				busy++;
			}
		}
		return new MotionIndexesQueued(queued, busy);
	}

	/** At most this many motion_index jobs are queued by one click; a second click goes on. */
	static final int MAX_MOTION_INDEX_JOBS = 10_000;

	/**
	 * @param queued jobs queued now
	 * @param alreadyRunning videos without an index whose motion_index job is already waiting or running
	 */
	record MotionIndexesQueued(int queued, int alreadyRunning) {
	}

	/** A job of a video in a mall the caller may not see reads exactly like one that does not exist. */
	@GetMapping("/api/analysis/jobs/{job_id}")
	JobResponse job(@AuthenticationPrincipal CurrentUser user, @PathVariable("job_id") UUID jobId) {
		ProcessingJob job = jobs.find(jobId).orElseThrow(() -> new NotFoundException("Job", jobId));
		Video video = access.visible(user, job.videoId(), "Job", jobId)
			.orElseThrow(() -> new NotFoundException("Job", jobId));
		if (user.role() == Role.VIEWER) {
			// where it ran, the storage keys it wrote and ffmpeg's own lines are for those who run the system
			return new JobResponse(job.id(), job.videoId(), job.type().value(), job.status(), job.progress(), job.heartbeatAt(),
					null, null, job.attempts(), job.queuedAt(), job.startedAt(), job.completedAt(),
					job.status() == JobStatus.FAILED ? video.processingError() : null, null);
		}
		return new JobResponse(job.id(), job.videoId(), job.type().value(), job.status(), job.progress(), job.heartbeatAt(),
				job.workerHostname(), job.taskId(), job.attempts(), job.queuedAt(), job.startedAt(), job.completedAt(),
				job.errorMessage(), job.resultData() == null ? null : json.readTree(job.resultData()));
	}

	/** {@code POST /api/videos/{id}/reprocess}. */
	record Reprocessing(UUID videoId, UUID jobId) {
	}

	/**
	 * A job as its caller may see it: to a VIEWER, {@code worker_hostname}, {@code task_id} and
	 * {@code result_data} are null and {@code error_message} is the video's sentence, not ffmpeg's lines.
	 */
	record JobResponse(UUID jobId, UUID videoId, String jobType, JobStatus status, int progress,
			@Nullable Instant heartbeatAt, @Nullable String workerHostname, @Nullable String taskId, int attempts,
			Instant queuedAt, @Nullable Instant startedAt, @Nullable Instant completedAt, @Nullable String errorMessage,
			@Nullable JsonNode resultData) {
	}

}
