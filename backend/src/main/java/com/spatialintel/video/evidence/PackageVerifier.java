package com.spatialintel.video.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a package on its own, with no server: the manifest's signature (with the key the caller
 * trusts, else the package's own key, which proves only that the package is unchanged since it was
 * signed with that key), the hash of every file the manifest names, and that nothing else was added.
 * The server adds whether the sources are still stored unchanged.
 */
final class PackageVerifier {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Set<String> OWN_FILES = Set.of(EvidencePackage.MANIFEST, EvidencePackage.SIGNATURE,
			EvidencePackage.PUBLIC_KEY, EvidencePackage.INSTRUCTIONS, EvidencePackage.CHECKSUMS);

	private PackageVerifier() {
	}

	/** A source the manifest names: the video and the SHA-256 of its original. */
	record Source(String videoId, String sha256, String filename) {
	}

	record Result(String exportId, List<PackageCheck> checks, List<Source> sources) {

		boolean valid() {
			return !checks.isEmpty() && checks.stream().allMatch(PackageCheck::passed);
		}

	}

	/** @param trusted the key the package must be signed with; null to use the package's own */
	static Result verify(Path zipFile, PublicKey trusted) {
		List<PackageCheck> checks = new ArrayList<>();
		try (ZipFile zip = new ZipFile(zipFile.toFile())) {
			byte[] manifest = read(zip, EvidencePackage.MANIFEST);
			byte[] signature = read(zip, EvidencePackage.SIGNATURE);
			byte[] packagedKey = read(zip, EvidencePackage.PUBLIC_KEY);
			if (manifest == null || signature == null) {
				checks.add(PackageCheck.fail("package", EvidencePackage.MANIFEST,
						"The package has no " + (manifest == null ? EvidencePackage.MANIFEST : EvidencePackage.SIGNATURE)
								+ ": it is not an evidence export, or it was altered."));
				return new Result(null, checks, List.of());
			}
			PublicKey key = key(trusted, packagedKey, checks);
			if (key != null) {
				checks.add(Ed25519.verify(key, manifest, signature)
						? PackageCheck.pass("signature", EvidencePackage.MANIFEST, "The manifest's Ed25519 signature is valid.")
						: PackageCheck.fail("signature", EvidencePackage.MANIFEST,
								"The manifest's signature does not match: manifest.json or manifest.sig was changed after signing."));
			}
			JsonNode root;
			try {
				root = JSON.readTree(manifest);
			}
			catch (JacksonException notJson) {
				checks.add(PackageCheck.fail("package", EvidencePackage.MANIFEST, "manifest.json is not JSON."));
				return new Result(null, checks, List.of());
			}
			if (!EvidencePackage.FORMAT.equals(root.path("format").asString(""))) {
				checks.add(PackageCheck.fail("package", EvidencePackage.MANIFEST,
						"manifest.json is not the manifest of an evidence export of this product."));
				return new Result(null, checks, List.of());
			}
			Map<String, String> expected = new LinkedHashMap<>();
			List<Source> sources = new ArrayList<>();
			for (JsonNode clip : root.path("clips")) {
				expected.put(clip.path("file").asString(""), clip.path("sha256").asString(""));
				JsonNode source = clip.path("source");
				sources.add(new Source(source.path("video_id").asString(""), source.path("sha256").asString(""),
						source.path("filename").asString("")));
			}
			expected.put(root.path("checksums").path("file").asString(EvidencePackage.CHECKSUMS),
					root.path("checksums").path("sha256").asString(""));
			for (Map.Entry<String, String> file : expected.entrySet()) {
				checks.add(fileCheck(zip, file.getKey(), file.getValue()));
			}
			zip.stream()
				.map(ZipEntry::getName)
				.filter(name -> !expected.containsKey(name) && !OWN_FILES.contains(name))
				.forEach(name -> checks.add(PackageCheck.fail("file", name,
						name + " is not part of the export: the manifest does not name it.")));
			return new Result(root.path("export_id").asString(null), checks, sources);
		}
		catch (ZipException notZip) {
			checks.add(PackageCheck.fail("package", zipFile.getFileName().toString(), "The file is not a ZIP package."));
			return new Result(null, checks, List.of());
		}
		catch (IOException unreadable) {
			checks.add(PackageCheck.fail("package", zipFile.getFileName().toString(),
					"The package could not be read: " + unreadable.getMessage()));
			return new Result(null, checks, List.of());
		}
	}

	private static PublicKey key(PublicKey trusted, byte[] packagedKey, List<PackageCheck> checks) {
		PublicKey packaged = null;
		if (packagedKey != null) {
			try {
				packaged = Ed25519.publicKey(new String(packagedKey, StandardCharsets.US_ASCII));
			}
			catch (IllegalArgumentException unreadable) {
				checks.add(PackageCheck.fail("key", EvidencePackage.PUBLIC_KEY, EvidencePackage.PUBLIC_KEY + " is not a public key."));
			}
		}
		if (trusted == null) {
			if (packaged == null) {
				checks.add(PackageCheck.fail("key", EvidencePackage.PUBLIC_KEY, "The package holds no public key to check it with."));
				return null;
			}
			checks.add(PackageCheck.pass("key", EvidencePackage.PUBLIC_KEY,
					"Checked with the package's own key, fingerprint " + EvidencePackage.fingerprint(packaged)
							+ ": compare it with the key the server publishes."));
			return packaged;
		}
		if (packaged != null && packaged.equals(trusted)) {
			checks.add(PackageCheck.pass("key", EvidencePackage.PUBLIC_KEY, "The package's public key is this server's key."));
		}
		else {
			checks.add(PackageCheck.fail("key", EvidencePackage.PUBLIC_KEY,
					"The package's public key is not this server's key (fingerprint " + EvidencePackage.fingerprint(trusted) + ")."));
		}
		return trusted;
	}

	private static PackageCheck fileCheck(ZipFile zip, String name, String expected) throws IOException {
		ZipEntry entry = zip.getEntry(name);
		if (entry == null) {
			return PackageCheck.fail("file", name, name + " is missing from the package.");
		}
		MessageDigest digest = EvidencePackage.digest();
		try (InputStream in = zip.getInputStream(entry)) {
			byte[] buffer = new byte[1 << 16];
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				digest.update(buffer, 0, read);
			}
		}
		catch (ZipException corrupt) {
			return PackageCheck.fail("file", name, name + " cannot be read from the package: " + corrupt.getMessage() + ".");
		}
		String actual = HexFormat.of().formatHex(digest.digest());
		return actual.equals(expected) ? PackageCheck.pass("file", name, name + " has the SHA-256 the manifest records.")
				: PackageCheck.fail("file", name, name + " was changed: its SHA-256 is " + actual + ", the manifest records "
						+ expected + ".");
	}

	private static byte[] read(ZipFile zip, String name) throws IOException {
		ZipEntry entry = zip.getEntry(name);
		if (entry == null) {
			return null;
		}
		try (InputStream in = zip.getInputStream(entry)) {
			return in.readAllBytes();
		}
	}

}
