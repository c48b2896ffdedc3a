package com.spatialintel.video.video;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The objects a video stores, named in this one place. Each lives under the video's own prefix
 * {@code mall/pin/video/}, built from ids only, never from file names; nothing else is stored under
 * such a prefix, and nothing of a video is stored outside it.
 */
public record VideoFiles(UUID mallId, UUID pinId, UUID videoId) {

	private static final String UUID_TEXT = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

	/** A key directly under a video's own prefix; group 1 is the video id. */
	private static final Pattern VIDEO_OBJECT = Pattern.compile("%1$s/%1$s/(%1$s)/[^/]+".formatted(UUID_TEXT));

	public static VideoFiles of(Video video) {
		return new VideoFiles(video.mallId(), video.pinId(), video.id());
	}

	/**
	 * The video whose own prefix holds this key; empty for every key outside one (such as
	 * {@code exports/…} or {@code upload-checks/…}), which is never a video's object.
	 */
	public static Optional<UUID> videoOf(String key) {
		Matcher matcher = VIDEO_OBJECT.matcher(key);
		return matcher.matches() ? Optional.of(UUID.fromString(matcher.group(1))) : Optional.empty();
	}

	public String prefix() {
		return mallId + "/" + pinId + "/" + videoId + "/";
	}

	/** The file as uploaded, byte for byte. */
	public String original() {
		return prefix() + "original.mp4";
	}

	/** The 480p / 10 fps proxy the browser plays. */
	public String proxy() {
		return prefix() + "proxy.mp4";
	}

	public String poster() {
		return prefix() + "poster.jpg";
	}

	/** The scrub previews' WebVTT file; its sprite sheet is {@link #previewsImage()}, next to it. */
	public String previews() {
		return prefix() + "previews.vtt";
	}

	public String previewsImage() {
		return prefix() + "previews.jpg";
	}

	/** The motion index: per second, the change of each cell of a 32×18 grid over the frame. */
	public String motion() {
		return prefix() + "motion.bin";
	}

	/** What processing made from the original: deleted when a job's result may no longer be kept. */
	public List<String> derived() {
		return List.of(proxy(), poster(), previews(), previewsImage(), motion());
	}

	/** Every object the video may have. */
	public List<String> all() {
		return List.of(original(), proxy(), poster(), previews(), previewsImage(), motion());
	}

}
