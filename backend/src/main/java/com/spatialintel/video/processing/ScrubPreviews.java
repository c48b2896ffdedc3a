package com.spatialintel.video.processing;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The scrub previews of a proxy: one sprite sheet of small frames (up to {@value #COLUMNS} a row,
 * {@value #TILE_WIDTH} px wide) and a WebVTT file whose cues map time ranges to tiles with
 * {@code previews.jpg#xywh=x,y,w,h}, as players show them over a seek bar.
 * <p>
 * A tile is taken every {@code interval} seconds, never more than {@value #MAX_TILES} a video. The
 * interval is a multiple of the proxy's keyframe spacing ({@link #KEYFRAME_SECONDS}), so the sheet
 * is made from keyframes alone: ffmpeg decodes one frame in fifty of a 480p proxy, a fraction of a
 * second for ten minutes of video.
 */
record ScrubPreviews(double durationSeconds, int interval, int tiles, int tileWidth, int tileHeight) {

	static final int MAX_TILES = 200;

	static final int COLUMNS = 10;

	static final int TILE_WIDTH = 160;

	/** The proxy has a keyframe at least this often (ProxyPipeline's {@code -g}, at 10 fps). */
	static final int KEYFRAME_SECONDS = 5;

	static final String IMAGE = "previews.jpg";

	/** Tiles for a proxy of this duration and frame size; width and height are the proxy's. */
	static ScrubPreviews plan(double durationSeconds, int width, int height) {
		if (!(durationSeconds > 0) || width <= 0 || height <= 0) {
			throw new IllegalArgumentException("A proxy needs a duration and a frame size for previews.");
		}
		int keyframes = (int) Math.ceil(durationSeconds / KEYFRAME_SECONDS);
		int step = Math.max(1, (int) Math.ceil((double) keyframes / MAX_TILES));
		int interval = step * KEYFRAME_SECONDS;
		int tiles = Math.max(1, (int) Math.ceil(durationSeconds / interval));
		int tileHeight = Math.max(2, (int) Math.round((double) TILE_WIDTH * height / width / 2) * 2);
		return new ScrubPreviews(durationSeconds, interval, tiles, TILE_WIDTH, tileHeight);
	}

	/** {@value #COLUMNS} tiles a row, fewer when the video has fewer. */
	int columns() {
		return Math.min(COLUMNS, tiles);
	}

	int rows() {
		return (tiles + columns() - 1) / columns();
	}

	/**
	 * The ffmpeg command that writes the sheet: keyframes only, the first and then each one at least
	 * {@code interval} seconds after the last taken (the forced ones fall on its multiples), tiled.
	 * ({@code fps=1/5} would drop the last tile at the end of the file.)
	 */
	List<String> command(String ffmpeg, Path proxy, Path sheet) {
		String select = "select='isnan(prev_selected_t)+gte(t-prev_selected_t,%s)'".formatted(interval - 0.05);
		String filter = "%s,scale=%d:%d,tile=%dx%d".formatted(select, tileWidth, tileHeight, columns(), rows());
		return List.of(ffmpeg, "-v", "error", "-nostdin", "-y", "-skip_frame", "nokey", "-i", proxy.toString(), "-an",
				"-vf", filter, "-frames:v", "1", "-q:v", "5", sheet.toString());
	}

	/** The WebVTT text: a cue per tile, the last one ending at the end of the video. */
	String vtt() {
		StringBuilder text = new StringBuilder("WEBVTT\n");
		for (int i = 0; i < tiles; i++) {
			double start = (double) i * interval;
			double end = Math.min((double) (i + 1) * interval, durationSeconds);
			int x = (i % columns()) * tileWidth;
			int y = (i / columns()) * tileHeight;
			text.append('\n')
				.append(timestamp(start))
				.append(" --> ")
				.append(timestamp(end))
				.append('\n')
				.append(IMAGE)
				.append("#xywh=")
				.append(x)
				.append(',')
				.append(y)
				.append(',')
				.append(tileWidth)
				.append(',')
				.append(tileHeight)
				.append('\n');
		}
		return text.toString();
	}

	/** {@code HH:MM:SS.mmm}, as WebVTT writes times. */
	static String timestamp(double seconds) {
		long millis = Math.round(seconds * 1000);
		return String.format(Locale.ROOT, "%02d:%02d:%02d.%03d", millis / 3_600_000, millis / 60_000 % 60,
				millis / 1000 % 60, millis % 1000);
	}

}
