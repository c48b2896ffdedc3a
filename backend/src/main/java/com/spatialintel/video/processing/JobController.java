package com.spatialintel.video.processing;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.spatialintel.video.auth.CurrentUser;
import com.spatialintel.video.auth.Role;
import com.spatialintel.video.system.NotFoundException;
import com.spatialintel.video.video.Video;
import com.spatialintel.video.video.Videos;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class JobController {

	private final ProcessingJobs jobs;

	private final Videos videos;

	private final JsonMapper json;

	JobController(ProcessingJobs jobs, Videos videos, JsonMapper json) {
		this.jobs = jobs;
		this.videos = videos;
		this.json = json;
	}

	/** A job of a video in a mall the caller may not see reads exactly like one that does not exist. */
	@GetMapping("/api/analysis/jobs/{job_id}")
	JobResponse job(@AuthenticationPrincipal CurrentUser user, @PathVariable("job_id") UUID jobId) {
		ProcessingJob job = jobs.find(jobId).orElseThrow(() -> new NotFoundException("Job", jobId));
		Video video = videos.find(job.videoId())
			.filter(found -> user.maySee(found.mallId()))
			.orElseThrow(() -> new NotFoundException("Job", jobId));
		if (user.role() == Role.VIEWER) {
			// where it ran, the storage keys it wrote and ffmpeg's own lines are for those who run the system
			return new JobResponse(job.id(), job.videoId(), job.jobType(), job.status(), job.progress(), job.heartbeatAt(),
					null, null, job.attempts(), job.queuedAt(), job.startedAt(), job.completedAt(),
					job.status() == JobStatus.FAILED ? video.processingError() : null, null);
		}
		return new JobResponse(job.id(), job.videoId(), job.jobType(), job.status(), job.progress(), job.heartbeatAt(),
				job.workerHostname(), job.taskId(), job.attempts(), job.queuedAt(), job.startedAt(), job.completedAt(),
				job.errorMessage(), job.resultData() == null ? null : json.readTree(job.resultData()));
	}

	/**
	 * A job as its caller may see it: to a VIEWER, {@code worker_hostname}, {@code task_id} and
	 * {@code result_data} are null and {@code error_message} is the video's sentence, not ffmpeg's lines.
	 */
	record JobResponse(UUID jobId, UUID videoId, String jobType, JobStatus status, int progress, Instant heartbeatAt,
			String workerHostname, String taskId, int attempts, Instant queuedAt, Instant startedAt,
			Instant completedAt, String errorMessage, JsonNode resultData) {
	}

}
