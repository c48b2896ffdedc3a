package com.spatialintel.video.evidence;

import java.nio.file.Path;
import java.time.Duration;

import com.spatialintel.video.runtime.Secrets;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The defaults of the settings with an environment variable are in {@code application.yml}, next to it.
 * @param signingKey the Ed25519 private key that signs manifests ({@code EVIDENCE_SIGNING_KEY}): PKCS#8,
 * as PEM or as one line of base64; blank in the embedded mode, which keeps its own in {@code keyFile}
 * @param keyFile where the embedded mode generates and keeps its key ({@code DATA_DIR/evidence-signing-key.pem});
 * null with a database URL, where the key must be given
 * @param linkTtl how long a download link lasts
 */
@ConfigurationProperties("app.evidence")
record EvidenceSettings(String signingKey, Path keyFile, @DefaultValue("15m") Duration linkTtl) {

	boolean hasSigningKey() {
		return signingKey != null && !signingKey.isBlank();
	}

	@Override
	public String toString() {
		return "EvidenceSettings[signingKey=" + Secrets.mask(signingKey) + ", keyFile=" + keyFile + ", linkTtl=" + linkTtl + "]";
	}

}
