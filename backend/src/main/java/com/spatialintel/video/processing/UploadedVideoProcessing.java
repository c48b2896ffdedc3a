package com.spatialintel.video.processing;

import java.util.UUID;

import com.spatialintel.video.upload.UploadCompleted;
import com.spatialintel.video.video.Video;
import com.spatialintel.video.video.Videos;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A video just uploaded gets its proxy job: recorded in the upload's own transaction (so no
 * uploaded video is ever without one), handed to the queue once that transaction has committed.
 * Should the hand-over fail, the job stays pending and the watchdog queues it.
 */
@Component
class UploadedVideoProcessing {

	private final ProcessingJobs jobs;

	private final Videos videos;

	UploadedVideoProcessing(ProcessingJobs jobs, Videos videos) {
		this.jobs = jobs;
		this.videos = videos;
	}

	@EventListener
	void recordProxyJob(UploadCompleted uploaded) {
		UUID jobId = jobs.createPending(uploaded.videoId(), JobType.PROXY);
		videos.attachProxyJob(uploaded.videoId(), jobId);
	}

	@TransactionalEventListener
	void queueProxyJob(UploadCompleted uploaded) {
		videos.find(uploaded.videoId())
			.map(Video::processingJobId)
			.ifPresent(jobs::enqueue);
	}

}
