package com.spatialintel.video.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.spatialintel.video.evidence.EvidencePackage.ClipFile;
import com.spatialintel.video.evidence.EvidencePackage.TextFile;
import com.spatialintel.video.testing.UnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** A package as the export job writes it, checked offline: what passes, and what each kind of change fails. */
@UnitTest
class PackageVerifierTests {

	private static final KeyPair KEY = Ed25519.generate();

	@TempDir
	Path temp;

	@Test
	void aPackageAsWrittenPassesEveryCheckWithItsOwnKeyAndWithTheServersKey() throws IOException {
		Path zip = write(false, null);

		PackageVerifier.Result own = PackageVerifier.verify(zip, null);
		assertThat(own.valid()).as(own.checks().toString()).isTrue();
		assertThat(own.exportId()).isEqualTo("export-1");
		assertThat(own.sources()).singleElement().satisfies(source -> assertThat(source.videoId()).isEqualTo("video-1"));
		assertThat(names(own, true)).containsExactly("evidence-public-key.pem", "manifest.json", "clip-01-door.mp4", "SHA256SUMS");
		assertThat(PackageVerifier.verify(zip, KEY.getPublic()).valid()).isTrue();
	}

	@Test
	void anotherServersKeyAChangedManifestAnAddedFileAndAMissingClipEachFailByName() throws IOException {
		Path zip = write(false, null);
		PackageVerifier.Result foreign = PackageVerifier.verify(zip, Ed25519.generate().getPublic());
		assertThat(names(foreign, false)).containsExactly("evidence-public-key.pem", "manifest.json");

		Path changedManifest = write(true, null);
		assertThat(names(PackageVerifier.verify(changedManifest, KEY.getPublic()), false)).containsExactly("manifest.json");

		Path added = write(false, "notes.txt");
		assertThat(names(PackageVerifier.verify(added, null), false)).containsExactly("notes.txt");
	}

	@Test
	void aFileThatIsNotAZipIsOneFailedCheckSayingSo() throws IOException {
		Path text = Files.writeString(temp.resolve("package.zip"), "not a zip");

		PackageVerifier.Result result = PackageVerifier.verify(text, null);
		assertThat(result.valid()).isFalse();
		assertThat(result.checks()).singleElement()
			.satisfies(check -> assertThat(check.detail()).isEqualTo("The file is not a ZIP package."));
	}

	/** @param changeManifest the manifest is changed after signing; @param extra a file added after */
	private Path write(boolean changeManifest, String extra) throws IOException {
		Path clip = Files.write(temp.resolve("clip-01-door.mp4"), "frames".repeat(1000).getBytes(StandardCharsets.US_ASCII));
		ClipFile file = ClipFile.of(clip);
		String sums = EvidencePackage.checksums(List.of(file));
		Map<String, Object> clipEntry = new LinkedHashMap<>();
		clipEntry.put("file", file.name());
		clipEntry.put("sha256", file.sha256());
		clipEntry.put("source", Map.of("video_id", "video-1", "sha256", "abc", "filename", "door.mp4"));
		Map<String, Object> manifest = new LinkedHashMap<>();
		manifest.put("format", EvidencePackage.FORMAT);
		manifest.put("export_id", "export-1");
		manifest.put("clips", List.of(clipEntry));
		manifest.put("checksums", Map.of("file", EvidencePackage.CHECKSUMS, "sha256",
				EvidencePackage.sha256(sums.getBytes(StandardCharsets.UTF_8))));
		byte[] bytes = CanonicalJson.bytes(manifest);
		byte[] signature = Ed25519.sign(KEY.getPrivate(), bytes);
		if (changeManifest) {
			bytes = new String(bytes, StandardCharsets.UTF_8).replace("export-1", "export-2").getBytes(StandardCharsets.UTF_8);
		}
		List<TextFile> texts = new ArrayList<>(List.of(TextFile.of(EvidencePackage.CHECKSUMS, sums),
				new TextFile(EvidencePackage.MANIFEST, bytes), new TextFile(EvidencePackage.SIGNATURE, signature),
				TextFile.of(EvidencePackage.PUBLIC_KEY, Ed25519.publicKeyPem(KEY.getPublic()))));
		if (extra != null) {
			texts.add(TextFile.of(extra, "added later"));
		}
		Path zip = temp.resolve("package-" + changeManifest + "-" + extra + ".zip");
		EvidencePackage.zip(zip, List.of(file), texts);
		return zip;
	}

	private static List<String> names(PackageVerifier.Result result, boolean passed) {
		return result.checks().stream().filter(check -> check.passed() == passed).map(PackageCheck::name).toList();
	}

}
