package com.spatialintel.video.evidence;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;

import com.spatialintel.video.testing.UnitTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The keys and signatures are openssl's: the figures below were made with openssl 3.0. */
@UnitTest
class Ed25519Tests {

	/** {@code openssl genpkey -algorithm ed25519 -outform DER | base64 -w0} */
	private static final String PRIVATE_KEY = "MC4CAQAwBQYDK2VwBCIEINsIZ32t48aqjclf8oxJ+r7iTp1R9kJrflfiWdpZrl5f";

	/** {@code openssl pkey -inform DER -pubout} of it */
	private static final String PUBLIC_KEY = """
			-----BEGIN PUBLIC KEY-----
			MCowBQYDK2VwAyEAUQU1e4C7ruTVBp/ZrQv8yWRbIhf0WRTirTy+MLumewA=
			-----END PUBLIC KEY-----
			""";

	/** {@code openssl pkeyutl -sign -rawin} of "abc" with it */
	private static final String SIGNATURE_OF_ABC = "YIV2QJgscTaeWU0H2ZdVsgocx/QdM3lIrVrhiRfDeFTqIFIY5926r9RhhgGebNEE49J8bbaPiqkPonBYcsukAQ==";

	@Test
	void theKeyPairOfAnOpensslPrivateKeyIsOpensslsAndSignsAsItDoes() {
		KeyPair pair = Ed25519.fromPrivateKey(PRIVATE_KEY);

		assertThat(Ed25519.publicKeyPem(pair.getPublic())).isEqualTo(PUBLIC_KEY);
		byte[] abc = "abc".getBytes(StandardCharsets.UTF_8);
		assertThat(Base64.getEncoder().encodeToString(Ed25519.sign(pair.getPrivate(), abc))).isEqualTo(SIGNATURE_OF_ABC);
		assertThat(Ed25519.verify(Ed25519.publicKey(PUBLIC_KEY), abc, Base64.getDecoder().decode(SIGNATURE_OF_ABC))).isTrue();
		assertThat(Ed25519.verify(pair.getPublic(), "abd".getBytes(StandardCharsets.UTF_8), Base64.getDecoder().decode(SIGNATURE_OF_ABC)))
			.isFalse();
	}

	@Test
	void aPemPrivateKeyReadsAsTheSameKeyAndAGeneratedOneRoundTrips() {
		KeyPair generated = Ed25519.generate();
		KeyPair read = Ed25519.fromPrivateKey(Ed25519.privateKeyPem(generated.getPrivate()));

		assertThat(read.getPublic()).isEqualTo(generated.getPublic());
		String pem = "-----BEGIN PRIVATE KEY-----\n" + PRIVATE_KEY + "\n-----END PRIVATE KEY-----\n";
		assertThat(Ed25519.publicKeyPem(Ed25519.fromPrivateKey(pem).getPublic())).isEqualTo(PUBLIC_KEY);
	}

	@Test
	void textThatIsNotAnEd25519KeyIsRefusedWithASentence() {
		assertThatThrownBy(() -> Ed25519.fromPrivateKey("not a key!")).hasMessage("is neither a PEM private key nor base64");
		assertThatThrownBy(() -> Ed25519.fromPrivateKey(Base64.getEncoder().encodeToString(new byte[48])))
			.hasMessageStartingWith("is not an Ed25519 private key in PKCS#8");
		assertThatThrownBy(() -> Ed25519.publicKey("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"))
			.hasMessage("is not an Ed25519 public key in PEM");
	}

}
