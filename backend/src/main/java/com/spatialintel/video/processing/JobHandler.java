package com.spatialintel.video.processing;

import java.io.IOException;

/**
 * The work of one {@link JobType}. {@link JobExecution} has claimed the job and made its folder
 * before, and settles failures and deletes the folder after; the handler completes the job
 * through {@link JobOutcomes#complete}. Every handler is registered in {@link JobHandlers}.
 */
interface JobHandler {

	JobType type();

	/**
	 * @throws JobFailure when running the job again will not help
	 * @throws com.spatialintel.video.storage.StorageUnavailableException when S3 could not be reached: the job is retried
	 */
	void run(RunningJob job) throws IOException, InterruptedException;

}
