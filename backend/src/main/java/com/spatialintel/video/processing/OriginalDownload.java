package com.spatialintel.video.processing;

import java.io.IOException;
import java.nio.file.Path;

import com.spatialintel.video.storage.ObjectStorage;
import com.spatialintel.video.video.Video;

import org.springframework.stereotype.Component;

/**
 * A step of the proxy job: the original is streamed from S3 into the job's folder while it is
 * hashed, and must be the file the client described (its SHA-256).
 */
@Component
class OriginalDownload {

	private final ObjectStorage storage;

	OriginalDownload(ObjectStorage storage) {
		this.storage = storage;
	}

	/** @return the original in the job's folder */
	Path run(RunningJob job) throws IOException {
		Video video = job.video();
		Path original = job.folder().resolve("original.mp4");
		String key = video.files().original();
		String sha256 = storage.downloadHashing(key, original)
			.orElseThrow(() -> new JobFailure("The original file is missing from storage.", "no object " + key));
		if (!sha256.equals(video.checksumSha256())) {
			throw new JobFailure("checksum mismatch: the stored file is not the file the client described "
					+ "(its SHA-256 differs); upload it again.",
					"checksum mismatch: stored " + sha256 + ", declared " + video.checksumSha256());
		}
		return original;
	}

}
