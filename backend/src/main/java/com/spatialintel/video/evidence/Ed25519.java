package com.spatialintel.video.evidence;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Ed25519 with the JDK alone, in the forms openssl reads and writes: private keys as PKCS#8, public
 * keys as SubjectPublicKeyInfo, both as PEM; signatures as the 64 raw bytes
 * ({@code openssl pkeyutl -verify -rawin} checks them).
 */
final class Ed25519 {

	private static final String ALGORITHM = "Ed25519";

	private Ed25519() {
	}

	static KeyPair generate() {
		try {
			return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Ed25519 is not available in this JDK", ex);
		}
	}

	/**
	 * The key pair of a private key given as PKCS#8 PEM ({@code openssl genpkey -algorithm ed25519}) or
	 * as its DER in base64 on one line.
	 * @throws IllegalArgumentException with a sentence, when the text is not such a key
	 */
	static KeyPair fromPrivateKey(String text) {
		byte[] der;
		try {
			der = Base64.getDecoder().decode(text.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", ""));
		}
		catch (IllegalArgumentException notBase64) {
			throw new IllegalArgumentException("is neither a PEM private key nor base64");
		}
		try {
			PrivateKey key = KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
			byte[] seed = ((EdECPrivateKey) key).getBytes()
				.orElseThrow(() -> new IllegalArgumentException("holds no Ed25519 private key bytes"));
			return fromSeed(seed);
		}
		catch (GeneralSecurityException | ClassCastException ex) {
			throw new IllegalArgumentException("is not an Ed25519 private key in PKCS#8 (make one with: openssl genpkey -algorithm ed25519)");
		}
	}

	/** The key pair of a 32-byte seed: the JDK derives the public key while generating from a source that gives the seed. */
	private static KeyPair fromSeed(byte[] seed) throws GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
		generator.initialize(NamedParameterSpec.ED25519, new FixedBytes(seed));
		return generator.generateKeyPair();
	}

	static byte[] sign(PrivateKey key, byte[] data) {
		try {
			Signature signature = Signature.getInstance(ALGORITHM);
			signature.initSign(key);
			signature.update(data);
			return signature.sign();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The manifest could not be signed", ex);
		}
	}

	static boolean verify(PublicKey key, byte[] data, byte[] signatureBytes) {
		try {
			Signature signature = Signature.getInstance(ALGORITHM);
			signature.initVerify(key);
			signature.update(data);
			return signature.verify(signatureBytes);
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

	static String privateKeyPem(PrivateKey key) {
		return pem("PRIVATE KEY", key.getEncoded());
	}

	static String publicKeyPem(PublicKey key) {
		return pem("PUBLIC KEY", key.getEncoded());
	}

	/** @throws IllegalArgumentException when the text is not a PEM Ed25519 public key */
	static PublicKey publicKey(String pem) {
		try {
			byte[] der = Base64.getDecoder().decode(pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", ""));
			return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalArgumentException("is not an Ed25519 public key in PEM");
		}
	}

	private static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der)
				+ "\n-----END " + type + "-----\n";
	}

	/** A "random" source that gives the seed once: how the JDK's generator is told which key to make. */
	private static final class FixedBytes extends SecureRandom {

		private static final long serialVersionUID = 1L;

		private final byte[] bytes;

		FixedBytes(byte[] bytes) {
			this.bytes = bytes.clone();
		}

		@Override
		public void nextBytes(byte[] out) {
			if (out.length != bytes.length) {
				throw new IllegalStateException("Expected a request for " + bytes.length + " bytes, got " + out.length);
			}
			System.arraycopy(bytes, 0, out, 0, out.length);
		}

	}

}
