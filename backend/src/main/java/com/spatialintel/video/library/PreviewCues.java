package com.spatialintel.video.library;

/**
 * The stored WebVTT of a video's previews names its sprite sheet relatively
 * ({@code previews.jpg#xywh=…}); served, each cue names the sheet by a signed link instead, since a
 * player fetches it with no bearer token.
 */
final class PreviewCues {

	private static final String IMAGE_REFERENCE = "previews.jpg#";

	private PreviewCues() {
	}

	static String withSignedImage(String storedVtt, String signedImageUrl) {
		StringBuilder served = new StringBuilder(storedVtt.length() + 200 * signedImageUrl.length());
		for (String line : storedVtt.split("\n", -1)) {
			if (!served.isEmpty()) {
				served.append('\n');
			}
			served.append(line.startsWith(IMAGE_REFERENCE)
					? signedImageUrl + "#" + line.substring(IMAGE_REFERENCE.length()) : line);
		}
		return served.toString();
	}

}
