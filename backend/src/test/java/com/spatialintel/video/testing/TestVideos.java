package com.spatialintel.video.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.springframework.util.FileSystemUtils;

/**
 * Test videos made by ffmpeg when a test first asks for them (never committed), kept for the run.
 * Each call with a new {@code name} makes a file with different bytes, hence a different checksum.
 */
public final class TestVideos {

	private static final Map<String, Path> MADE = new ConcurrentHashMap<>();

	private static Path directory;

	private TestVideos() {
	}

	/** About {@code megabytes} of 640×360 H.264 with AAC audio; noise makes the size predictable. */
	public static Path mp4(String name, int megabytes) {
		return MADE.computeIfAbsent(name + "-" + megabytes, key -> {
			int seconds = Math.max(1, megabytes);
			return ffmpeg(key + ".mp4", List.of("-f", "lavfi", "-i",
					"nullsrc=s=640x360:r=25,geq=random(1)*255:128:128,drawtext=text=" + name.replaceAll("\\W", "")
							+ ":fontcolor=white:x=10:y=10",
					"-f", "lavfi", "-i", "sine=frequency=440", "-t", String.valueOf(seconds), "-c:v", "libx264",
					"-preset", "ultrafast", "-b:v", "8M", "-maxrate", "8M", "-bufsize", "8M", "-pix_fmt", "yuv420p",
					"-c:a", "aac", "-shortest", "-movflags", "+faststart"));
		});
	}

	/** A short small clip, optionally without audio or in portrait. */
	public static Path small(String name, int width, int height, boolean withAudio) {
		return MADE.computeIfAbsent(name + "-" + width + "x" + height + "-" + withAudio, key -> {
			List<String> args = new ArrayList<>(List.of("-f", "lavfi", "-i",
					"testsrc2=s=" + width + "x" + height + ":r=30,drawtext=text=" + name.replaceAll("\\W", "")
							+ ":fontcolor=white:x=10:y=10"));
			if (withAudio) {
				args.addAll(List.of("-f", "lavfi", "-i", "sine=frequency=220", "-c:a", "aac", "-shortest"));
			}
			args.addAll(List.of("-t", "2", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"));
			return ffmpeg(key + ".mp4", args);
		});
	}

	/** Any video ffmpeg can make: {@code arguments} are its inputs and codecs, the output is added. */
	public static Path custom(String name, String... arguments) {
		return MADE.computeIfAbsent("custom-" + name, key -> ffmpeg(key + ".mp4", List.of(arguments)));
	}

	/** The first {@code share} of a file's bytes, as a truncated upload would leave it. */
	public static Path truncated(Path whole, double share) {
		return MADE.computeIfAbsent("truncated-" + whole.getFileName() + "-" + share, key -> {
			try {
				byte[] bytes = Files.readAllBytes(whole);
				return Files.write(directory().resolve(key + ".mp4"),
						java.util.Arrays.copyOf(bytes, (int) (bytes.length * share)));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	/** Random bytes under a video's name. */
	public static Path randomBytes(String name, int bytes) {
		return MADE.computeIfAbsent("random-" + name + "-" + bytes, key -> {
			byte[] content = new byte[bytes];
			ThreadLocalRandom.current().nextBytes(content);
			try {
				return Files.write(directory().resolve(key + ".mp4"), content);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	public static String sha256(Path file) {
		try (var in = Files.newInputStream(file)) {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			byte[] buffer = new byte[1 << 16];
			int read;
			while ((read = in.read(buffer)) != -1) {
				digest.update(buffer, 0, read);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The SHA-256 of a text, for uploads that are only initiated and need a distinct checksum. */
	public static String sha256Of(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path ffmpeg(String fileName, List<String> inputAndCodecs) {
		UnitLayer.refuse("ffmpeg");
		Path output = directory().resolve(fileName);
		List<String> command = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-y"));
		command.addAll(inputAndCodecs);
		command.add(output.toString());
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output1 = new String(process.getInputStream().readAllBytes());
			if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException("ffmpeg failed to make " + fileName + ": " + output1);
			}
			return output;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("ffmpeg is needed to make test videos (make test installs it)", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public static synchronized void deleteAll() {
		if (directory == null) {
			return;
		}
		try {
			FileSystemUtils.deleteRecursively(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		MADE.clear();
		directory = null;
	}

	private static synchronized Path directory() {
		if (directory == null) {
			try {
				directory = Files.createTempDirectory("siv-videos-");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return directory;
	}

}
