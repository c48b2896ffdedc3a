package com.spatialintel.video.evidence;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;

/**
 * {@code java -jar spatial-intel-video.jar verify package.zip [--public-key key.pem]}: the package
 * checked on this computer, without the server (its sources are not checked). Exit status 0 when
 * every check passes, 1 when one fails, 2 for a wrong command line.
 */
public final class VerifyCommand {

	public static final String NAME = "verify";

	private VerifyCommand() {
	}

	public static int run(String[] args, PrintStream out) {
		if (args.length != 2 && !(args.length == 4 && args[2].equals("--public-key"))) {
			out.println("Usage: java -jar spatial-intel-video.jar verify <package.zip> [--public-key <server-key.pem>]");
			return 2;
		}
		Path file = Path.of(args[1]);
		if (!Files.isRegularFile(file)) {
			out.println("No such file: " + file);
			return 2;
		}
		PublicKey trusted = null;
		if (args.length == 4) {
			try {
				trusted = Ed25519.publicKey(Files.readString(Path.of(args[3])));
			}
			catch (IOException | IllegalArgumentException ex) {
				out.println("The public key " + args[3] + " cannot be read: it must be the PEM of GET /api/evidence/public-key.");
				return 2;
			}
		}
		PackageVerifier.Result result = PackageVerifier.verify(file, trusted);
		out.println("Evidence package " + file.getFileName() + (result.exportId() == null ? "" : " (export " + result.exportId() + ")"));
		for (PackageCheck check : result.checks()) {
			out.println((check.passed() ? "  PASS  " : "  FAIL  ") + check.kind() + " " + check.name() + ": " + check.detail());
		}
		if (!result.sources().isEmpty()) {
			out.println("  The sources (" + result.sources().size()
					+ ") are checked by the server only: POST /api/evidence/verify, or the \"Verify a package\" page.");
		}
		out.println(result.valid() ? "VALID: every check passed." : "NOT VALID: a check failed.");
		return result.valid() ? 0 : 1;
	}

}
