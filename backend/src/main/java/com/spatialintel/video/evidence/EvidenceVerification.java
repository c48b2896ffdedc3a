package com.spatialintel.video.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.spatialintel.video.errors.InvalidRequestException;
import com.spatialintel.video.storage.ObjectStorage;
import com.spatialintel.video.storage.StoredObject;
import com.spatialintel.video.video.Video;
import com.spatialintel.video.video.Videos;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;

/**
 * {@code POST /api/evidence/verify}: a package checked as anyone could check it ({@link PackageVerifier},
 * with this server's key), and whether each source is still stored, unchanged since its upload.
 */
@Service
class EvidenceVerification {

	/** The largest package accepted for checking. */
	static final long MAX_BYTES = 8L * 1024 * 1024 * 1024;

	private final EvidenceKeys keys;

	private final Videos videos;

	private final ObjectStorage storage;

	EvidenceVerification(EvidenceKeys keys, Videos videos, ObjectStorage storage) {
		this.keys = keys;
		this.videos = videos;
		this.storage = storage;
	}

	/** Whether every check passed, and each check; {@code export_id} is null when the package has no readable manifest. */
	record VerificationReport(boolean valid, @Nullable String exportId, List<PackageCheck> checks) {
	}

	VerificationReport verify(InputStream upload) throws IOException {
		Path file = Files.createTempFile("evidence-verify-", ".zip");
		try {
			long bytes = copyAtMost(upload, file, MAX_BYTES + 1);
			if (bytes == 0) {
				throw new InvalidRequestException("Send the package (the export's ZIP file) as the body of the request.");
			}
			if (bytes > MAX_BYTES) {
				throw new InvalidRequestException("The package is larger than 8 GiB, more than any export.");
			}
			PackageVerifier.Result result = PackageVerifier.verify(file, keys.require().getPublic());
			List<PackageCheck> checks = new ArrayList<>(result.checks());
			for (PackageVerifier.Source source : result.sources()) {
				checks.add(sourceCheck(source));
			}
			return new VerificationReport(!checks.isEmpty() && checks.stream().allMatch(PackageCheck::passed), result.exportId(), checks);
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	/** Copies at most {@code limit} bytes: a body larger than any package is not stored whole. */
	private static long copyAtMost(InputStream in, Path file, long limit) throws IOException {
		long copied = 0;
		byte[] buffer = new byte[1 << 16];
		try (OutputStream out = Files.newOutputStream(file)) {
			for (int read = in.read(buffer); read >= 0 && copied < limit; read = in.read(buffer)) {
				int kept = (int) Math.min(read, limit - copied);
				out.write(buffer, 0, kept);
				copied += kept;
			}
		}
		return copied;
	}

	private PackageCheck sourceCheck(PackageVerifier.Source source) {
		String name = source.videoId();
		Optional<Video> video;
		try {
			video = videos.find(UUID.fromString(source.videoId()));
		}
		catch (IllegalArgumentException notAnId) {
			return PackageCheck.fail("source", name, "The manifest names a source that is not a video id.");
		}
		if (video.isEmpty() || video.get().deletionRequested()) {
			return PackageCheck.fail("source", name, source.filename() + " is no longer stored on this server.");
		}
		if (!video.get().checksumSha256().equals(source.sha256())) {
			return PackageCheck.fail("source", name, "The stored " + source.filename()
					+ " is not the source the manifest names: its SHA-256 differs.");
		}
		Optional<StoredObject> original = storage.head(video.get().files().original());
		if (original.isEmpty() || original.get().sizeBytes() != video.get().fileSizeBytes()) {
			return PackageCheck.fail("source", name, "The original of " + source.filename() + " is missing from storage or has another size.");
		}
		return PackageCheck.pass("source", name, source.filename() + " is still stored, with the SHA-256 verified at its upload.");
	}

}
