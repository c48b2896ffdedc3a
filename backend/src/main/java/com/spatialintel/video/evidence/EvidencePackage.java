package com.spatialintel.video.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The files of a package and how they are written: the clips, {@code SHA256SUMS} (their hashes, for
 * {@code sha256sum -c}), {@code manifest.json} (which records the clips' hashes and that of
 * {@code SHA256SUMS}), its detached Ed25519 signature {@code manifest.sig}, the public key, and
 * {@code VERIFY.txt}, which says how to check all of it with sha256sum and openssl alone.
 */
final class EvidencePackage {

	static final String MANIFEST = "manifest.json";

	static final String SIGNATURE = "manifest.sig";

	static final String PUBLIC_KEY = "evidence-public-key.pem";

	static final String CHECKSUMS = "SHA256SUMS";

	static final String INSTRUCTIONS = "VERIFY.txt";

	/** The manifest's {@code format}: what a verifier checks first. */
	static final String FORMAT = "spatial-intel-video/evidence-export/1";

	private EvidencePackage() {
	}

	/** A clip file, its hash (as SHA256SUMS lists it) and its CRC-32 (as the ZIP records it), read once. */
	record ClipFile(Path path, String sha256, long crc32) {

		static ClipFile of(Path path) throws IOException {
			MessageDigest digest = digest();
			CRC32 crc = new CRC32();
			byte[] buffer = new byte[1 << 16];
			try (InputStream in = Files.newInputStream(path)) {
				for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
					digest.update(buffer, 0, read);
					crc.update(buffer, 0, read);
				}
			}
			return new ClipFile(path, HexFormat.of().formatHex(digest.digest()), crc.getValue());
		}

		String name() {
			return path.getFileName().toString();
		}

	}

	/** What was written: the ZIP's size and SHA-256, taken as it was written. */
	record Written(long bytes, String sha256) {
	}

	static String checksums(List<ClipFile> clips) {
		StringBuilder lines = new StringBuilder();
		for (ClipFile clip : clips) {
			lines.append(clip.sha256()).append("  ").append(clip.name()).append('\n');
		}
		return lines.toString();
	}

	/** The fingerprint of a public key: SHA-256 of its DER, as {@code openssl pkey -pubin -outform DER | sha256sum} prints it. */
	static String fingerprint(PublicKey key) {
		return sha256(key.getEncoded());
	}

	static String instructions(String exportId, String keyFingerprint, String checksumsSha256) {
		return """
				Evidence export %1$s
				====================

				This package was cut from the original recordings by Spatial Intel Video. Its manifest
				(manifest.json) says what was exported, from which sources, by whom and for whom, and records
				the SHA-256 of every file; manifest.sig is the manifest's Ed25519 signature. Check it with the
				ordinary tools sha256sum and openssl (3.0 or later), in this folder, after unzipping:

				1. The signature of the manifest:

				   openssl pkeyutl -verify -pubin -inkey %2$s -rawin -in manifest.json -sigfile manifest.sig

				   It must print "Signature Verified Successfully".

				2. The key is the server's: its fingerprint

				   openssl pkey -pubin -in %2$s -outform DER | sha256sum

				   must print %3$s, the same as the
				   key published by the server at GET /api/evidence/public-key (ask its operator).

				3. The list of the clips' hashes is the one the manifest signed:

				   sha256sum SHA256SUMS

				   must print %4$s, the value of "checksums" in manifest.json.

				4. Every clip is the one the manifest describes:

				   sha256sum -c SHA256SUMS

				   must print "OK" for every clip.

				Any difference means the package was altered after it was made. The server can also check a
				package, and whether its sources are still stored unchanged: POST /api/evidence/verify, the
				"Verify a package" page, or: java -jar spatial-intel-video.jar verify %5$s
				""".formatted(exportId, PUBLIC_KEY, keyFingerprint, checksumsSha256, "evidence-" + exportId + ".zip");
	}

	/**
	 * Writes the ZIP, every file stored as it is (video does not compress, the rest is small): a
	 * changed byte anywhere then shows as a changed file, not as an unreadable archive.
	 */
	static Written zip(Path target, List<ClipFile> clips, List<TextFile> texts) throws IOException {
		MessageDigest digest = digest();
		try (OutputStream file = Files.newOutputStream(target);
				DigestOutputStream hashing = new DigestOutputStream(new BufferedOutputStream(file, 1 << 16), digest);
				ZipOutputStream zip = new ZipOutputStream(hashing)) {
			for (ClipFile clip : clips) {
				ZipEntry entry = new ZipEntry(clip.name());
				entry.setMethod(ZipEntry.STORED);
				entry.setSize(Files.size(clip.path()));
				entry.setCompressedSize(Files.size(clip.path()));
				entry.setCrc(clip.crc32());
				zip.putNextEntry(entry);
				Files.copy(clip.path(), zip);
				zip.closeEntry();
			}
			for (TextFile text : texts) {
				ZipEntry entry = new ZipEntry(text.name());
				entry.setMethod(ZipEntry.STORED);
				entry.setSize(text.bytes().length);
				entry.setCompressedSize(text.bytes().length);
				CRC32 crc = new CRC32();
				crc.update(text.bytes());
				entry.setCrc(crc.getValue());
				zip.putNextEntry(entry);
				zip.write(text.bytes());
				zip.closeEntry();
			}
		}
		return new Written(Files.size(target), HexFormat.of().formatHex(digest.digest()));
	}

	record TextFile(String name, byte[] bytes) {

		static TextFile of(String name, String text) {
			return new TextFile(name, text.getBytes(StandardCharsets.UTF_8));
		}

	}

	static String sha256(byte[] bytes) {
		return HexFormat.of().formatHex(digest().digest(bytes));
	}

	static String sha256(Path path) throws IOException {
		MessageDigest digest = digest();
		byte[] buffer = new byte[1 << 16];
		try (InputStream in = Files.newInputStream(path)) {
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				digest.update(buffer, 0, read);
			}
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
