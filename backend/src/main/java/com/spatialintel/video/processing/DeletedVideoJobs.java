package com.spatialintel.video.processing;

import com.spatialintel.video.video.VideoDeleted;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A video being deleted has its jobs of every type stopped, in the transaction that hides it. */
@Component
class DeletedVideoJobs {

	private final ProcessingJobs jobs;

	DeletedVideoJobs(ProcessingJobs jobs) {
		this.jobs = jobs;
	}

	@EventListener
	void stopJobs(VideoDeleted deleted) {
		jobs.cancelAll(deleted.videoId(), "The video was deleted.");
	}

}
