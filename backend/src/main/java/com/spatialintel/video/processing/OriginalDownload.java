package com.spatialintel.video.processing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.spatialintel.video.storage.ObjectStorage;
import com.spatialintel.video.storage.StorageUnavailableException;
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
		String sha256 = downloadHashing(video.files().original(), original);
		if (!sha256.equals(video.checksumSha256())) {
			throw new JobFailure("checksum mismatch: the stored file is not the file the client described "
					+ "(its SHA-256 differs); upload it again.",
					"checksum mismatch: stored " + sha256 + ", declared " + video.checksumSha256());
		}
		return original;
	}

	private String downloadHashing(String key, Path target) throws IOException {
		MessageDigest sha256;
		try {
			sha256 = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		try (InputStream original = storage.download(key)
			.orElseThrow(() -> new JobFailure("The original file is missing from storage.", "no object " + key));
				DigestInputStream hashing = new DigestInputStream(original, sha256)) {
			Files.copy(hashing, target);
		}
		catch (UncheckedIOException | IOException ex) {
			throw new StorageUnavailableException(ex);
		}
		return HexFormat.of().formatHex(sha256.digest());
	}

}
