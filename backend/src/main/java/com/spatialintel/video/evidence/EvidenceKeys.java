package com.spatialintel.video.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.spatialintel.video.errors.ServiceUnavailableException;
import com.spatialintel.video.runtime.MissingSettingException;

import org.springframework.stereotype.Component;

/**
 * The server's Ed25519 key: {@code EVIDENCE_SIGNING_KEY} when given; in the embedded mode, one
 * generated once into {@code DATA_DIR/evidence-signing-key.pem}. With a database URL and no key the
 * app runs, says so at start-up, and refuses exports (503) until it is set on every process.
 */
@Component
class EvidenceKeys {

	private static final Logger log = LoggerFactory.getLogger(EvidenceKeys.class);

	private final KeyPair pair;

	EvidenceKeys(EvidenceSettings settings) {
		this.pair = load(settings);
	}

	private static KeyPair load(EvidenceSettings settings) {
		if (settings.hasSigningKey()) {
			try {
				return Ed25519.fromPrivateKey(settings.signingKey());
			}
			catch (IllegalArgumentException ex) {
				throw MissingSettingException.invalid("EVIDENCE_SIGNING_KEY", ex.getMessage(),
						"the output of: openssl genpkey -algorithm ed25519 -outform DER | base64 -w0");
			}
		}
		if (settings.keyFile() != null) {
			return fromFile(settings.keyFile());
		}
		log.warn("EVIDENCE_SIGNING_KEY is not set: evidence exports are refused until it is "
				+ "(openssl genpkey -algorithm ed25519 -outform DER | base64 -w0), the same on every process.");
		return null;
	}

	private static KeyPair fromFile(Path file) {
		try {
			if (Files.exists(file)) {
				return Ed25519.fromPrivateKey(Files.readString(file));
			}
			KeyPair generated = Ed25519.generate();
			Files.createDirectories(file.getParent());
			Path written = Files.createFile(file);
			try {
				Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException notPosix) {
				// Windows: the file inherits the data folder's ACL
			}
			Files.writeString(written, Ed25519.privateKeyPem(generated.getPrivate()));
			log.info("Generated the evidence signing key into {}", file);
			return generated;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or write the evidence signing key " + file, ex);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("The evidence signing key " + file + " " + ex.getMessage(), ex);
		}
	}

	boolean available() {
		return pair != null;
	}

	/** @throws ServiceUnavailableException when no key is set */
	KeyPair require() {
		if (pair == null) {
			throw new ServiceUnavailableException("Evidence exports are off on this server: EVIDENCE_SIGNING_KEY is not set. "
					+ "Ask the operator of the installation to set it (see docs/operations.md).", null);
		}
		return pair;
	}

	String publicKeyPem() {
		return Ed25519.publicKeyPem(require().getPublic());
	}

}
