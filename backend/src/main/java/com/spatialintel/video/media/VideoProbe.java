package com.spatialintel.video.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import com.spatialintel.video.video.VideoMetadata;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Reads a video's properties with ffprobe straight from a URL (ffprobe fetches only the byte
 * ranges it needs; the file is never downloaded whole).
 */
@Component
public class VideoProbe {

	private static final int MAX_OUTPUT_BYTES = 4 * 1024 * 1024;

	private static final Pattern URL_IN_TEXT = Pattern.compile("https?://\\S+");

	/** What ffprobe says when it could not get the bytes, as opposed to bytes that are not a video. */
	private static final Pattern TRANSIENT = Pattern.compile(
			"Connection refused|Connection timed out|timed out|Server returned 5\\d\\d|Network is unreachable|Input/output error");

	private final MediaSettings settings;

	private final JsonMapper json;

	VideoProbe(MediaSettings settings, JsonMapper json) {
		this.settings = settings;
		this.json = json;
	}

	/**
	 * @throws UnreadableVideoException when the file is not a video we can use (422)
	 * @throws ProbeUnavailableException when ffprobe is missing or could not reach the file (503)
	 */
	public VideoMetadata probe(URL source) {
		List<String> command = List.of(settings.ffprobePath(), "-v", "error", "-rw_timeout", "30000000",
				"-print_format", "json", "-show_format", "-show_streams", source.toString());
		Process process;
		try {
			process = new ProcessBuilder(command).start();
		}
		catch (IOException ex) {
			throw new ProbeUnavailableException("ffprobe cannot be started on the server (" + settings.ffprobePath()
					+ "); the upload is kept, try completing it again once ffprobe is installed.", ex);
		}
		CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> readBounded(process.getInputStream()));
		CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readBounded(process.getErrorStream()));
		try {
			if (!process.waitFor(settings.probeTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				throw new ProbeUnavailableException("ffprobe did not finish reading the upload within "
						+ settings.probeTimeout().toSeconds() + " seconds; try completing it again.", null);
			}
			String errors = sanitise(new String(stderr.join(), StandardCharsets.UTF_8));
			if (process.exitValue() != 0) {
				if (TRANSIENT.matcher(errors).find()) {
					throw new ProbeUnavailableException(
							"The uploaded file could not be read from storage (" + firstLine(errors) + "); try again.", null);
				}
				throw new UnreadableVideoException("The file is not a video that can be read ("
						+ (errors.isBlank() ? "ffprobe exit code " + process.exitValue() : firstLine(errors)) + ").");
			}
			return parse(stdout.join());
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
			throw new ProbeUnavailableException("Reading the upload was interrupted; try again.", ex);
		}
	}

	VideoMetadata parse(byte[] output) {
		JsonNode root;
		try {
			root = json.readTree(output);
		}
		catch (JacksonException ex) {
			throw new UnreadableVideoException("The file is not a video that can be read (ffprobe gave no description).");
		}
		JsonNode video = null;
		for (JsonNode stream : root.path("streams")) {
			if ("video".equals(stream.path("codec_type").asString()) && stream.path("disposition").path("attached_pic").asInt(0) == 0) {
				video = stream;
				break;
			}
		}
		if (video == null) {
			throw new UnreadableVideoException("The file has no video stream.");
		}
		Integer width = positiveInt(video.path("width"));
		Integer height = positiveInt(video.path("height"));
		if (width == null || height == null) {
			throw new UnreadableVideoException("The file's video stream has no picture size.");
		}
		Double fps = frameRate(video.path("avg_frame_rate").asString(""));
		if (fps == null) {
			fps = frameRate(video.path("r_frame_rate").asString(""));
		}
		Double duration = positiveDouble(root.path("format").path("duration").asString(""));
		if (duration == null) {
			duration = positiveDouble(video.path("duration").asString(""));
		}
		String creationTag = root.path("format").path("tags").path("creation_time").asString("");
		if (creationTag.isBlank()) {
			creationTag = video.path("tags").path("creation_time").asString("");
		}
		return new VideoMetadata(width, height, fps, video.path("codec_name").asString(null), duration,
				creationTime(creationTag));
	}

	/**
	 * A {@code creation_time} tag as an instant: ffmpeg writes {@code 2026-03-29T01:30:00.000000Z};
	 * cameras also write it without a zone (taken as UTC, as the MP4 format defines it) or with a space.
	 * Null when it is not a time.
	 */
	static Instant creationTime(String tag) {
		String text = tag.strip().replace(' ', 'T');
		if (text.isEmpty()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException withoutZone) {
			try {
				return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeParseException notATime) {
				return null;
			}
		}
	}

	private static Integer positiveInt(JsonNode node) {
		return node.isNumber() && node.asInt() > 0 ? node.asInt() : null;
	}

	private static Double positiveDouble(String text) {
		try {
			double value = Double.parseDouble(text);
			return value > 0 && Double.isFinite(value) ? value : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** ffprobe writes rates as fractions such as {@code 30000/1001}; {@code 0/0} means unknown. */
	static Double frameRate(String fraction) {
		String[] parts = fraction.split("/");
		try {
			double numerator = Double.parseDouble(parts[0]);
			double denominator = parts.length > 1 ? Double.parseDouble(parts[1]) : 1;
			if (numerator <= 0 || denominator <= 0) {
				return null;
			}
			return Math.round(numerator / denominator * 1000) / 1000.0;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** The presigned URL carries a signature; it must not reach a response or a log. */
	private static String sanitise(String text) {
		return URL_IN_TEXT.matcher(text).replaceAll("the uploaded file").trim();
	}

	private static String firstLine(String text) {
		String line = text.lines().findFirst().orElse("").trim();
		return line.length() > 300 ? line.substring(0, 300) + "…" : line;
	}

	private static byte[] readBounded(InputStream stream) {
		try (stream) {
			ByteArrayOutputStream buffer = new ByteArrayOutputStream();
			byte[] chunk = new byte[8192];
			int read;
			while ((read = stream.read(chunk)) != -1) {
				if (buffer.size() < MAX_OUTPUT_BYTES) {
					buffer.write(chunk, 0, Math.min(read, MAX_OUTPUT_BYTES - buffer.size()));
				}
			}
			return buffer.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
