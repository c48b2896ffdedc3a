package com.spatialintel.video.processing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.spatialintel.video.storage.StorageUnavailableException;
import com.spatialintel.video.video.Video;
import com.spatialintel.video.video.Videos;

import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * What every job goes through, whatever its type: it is claimed by this worker (once, however many
 * workers were handed it), given its own folder, run by its type's {@link JobHandler}, and settled:
 * a transient failure is retried, any other fails the job with a sentence. The folder is deleted
 * in every outcome.
 */
@Component
class JobExecution {

	private static final Logger log = LoggerFactory.getLogger(JobExecution.class);

	/**
	 * A running job without a heartbeat for this long has lost its worker: heartbeats come every 2 s,
	 * and the queue re-hands a job only after its server was silent for 4 polls (20 s).
	 */
	static final Duration SILENT_WORKER = Duration.ofSeconds(15);

	private final ProcessingJobRepository jobs;

	private final JobHandlers handlers;

	private final JobOutcomes outcomes;

	private final Videos videos;

	private final ProcessingSettings settings;

	private final Clock clock;

	private final String hostname = hostname();

	JobExecution(ProcessingJobRepository jobs, JobHandlers handlers, JobOutcomes outcomes, Videos videos,
			ProcessingSettings settings, Clock clock) {
		this.jobs = jobs;
		this.handlers = handlers;
		this.outcomes = outcomes;
		this.videos = videos;
		this.settings = settings;
		this.clock = clock;
	}

	void run(UUID jobId) {
		ProcessingJob job = jobs.find(jobId).orElse(null);
		if (job == null || job.status().isFinal()) {
			return;
		}
		if (job.status() == JobStatus.RUNNING) {
			// the queue hands a job out again when its worker's server fell silent (killed, host lost);
			// a worker that still beats keeps it
			jobs.retakeSilent(jobId, clock.instant().minus(SILENT_WORKER),
					"Taken up again after worker " + job.workerHostname() + " fell silent.");
		}
		if (!outcomes.start(job, hostname)) {
			return;
		}
		int attempt = job.attempts() + 1;
		Path folder = settings.workDirectory().resolve(jobId.toString());
		try {
			Video video = videos.find(job.videoId()).orElse(null);
			if (video == null) {
				jobs.transition(jobId, JobStatus.RUNNING, JobStatus.CANCELLED, "The video was deleted.", clock.instant());
				return;
			}
			recreate(folder);
			handlers.of(job.type())
				.run(new RunningJob(job, video, folder, progress -> jobs.heartbeat(jobId, progress, clock.instant())));
		}
		catch (StorageUnavailableException transientFailure) {
			retryOrGiveUp(job, attempt, transientFailure);
		}
		catch (JobFailure failure) {
			// any step's ffmpeg (proxy, poster, previews) that ran out of space says so in its output
			String sentence = DiskFull.saidBy(failure.detail()) ? DiskFull.SENTENCE : failure.getMessage();
			outcomes.fail(job, sentence, failure.detail(), false);
		}
		catch (RuntimeException | IOException unexpected) {
			if (DiskFull.causedBy(unexpected)) {
				log.warn("Processing job {} failed: the work folder {} is full", jobId, settings.workDirectory());
				outcomes.fail(job, DiskFull.SENTENCE, String.valueOf(unexpected), false);
				return;
			}
			log.error("Processing job {} failed unexpectedly", jobId, unexpected);
			outcomes.fail(job, "The video could not be processed because of an error on the server.",
					String.valueOf(unexpected), false);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			outcomes.requeue(job, "Interrupted while the worker stopped.");
		}
		finally {
			deleteQuietly(folder);
		}
	}

	private void retryOrGiveUp(ProcessingJob job, int attempt, RuntimeException failure) {
		if (attempt >= settings.maxAttempts()) {
			outcomes.fail(job, "The video store (S3) could not be reached in " + attempt
					+ " attempts; reprocess the video later.", String.valueOf(failure.getCause()), false);
			return;
		}
		outcomes.requeue(job, "Attempt " + attempt + " failed (" + failure.getMessage() + "); it will be retried.");
		throw failure;
	}

	private static void recreate(Path folder) throws IOException {
		deleteQuietly(folder);
		Files.createDirectories(folder);
	}

	private static void deleteQuietly(Path folder) {
		try {
			FileSystemUtils.deleteRecursively(folder);
		}
		catch (IOException ex) {
			log.warn("Temporary folder {} not deleted: {}", folder, ex.getMessage());
		}
	}

	private static String hostname() {
		try {
			return InetAddress.getLocalHost().getHostName() + "/" + ProcessHandle.current().pid();
		}
		catch (UnknownHostException ex) {
			return "unknown/" + ProcessHandle.current().pid();
		}
	}

}
