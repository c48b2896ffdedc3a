package com.spatialintel.video.motion;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Builds a motion index from the analysed frames ({@link MotionGrid}: 96×54 grey, 5 a second), fed
 * in order. Each frame is compared with the one before:
 * <ul>
 * <li><b>Lighting.</b> A change of the whole frame's brightness is taken out before anything is
 * measured, by the better of two models (the one that leaves less change): an even step (a cloud),
 * the median of the pixels' differences subtracted; or a gain (lights switched on, a camera's
 * exposure), the frame scaled so that its median grey equals the previous frame's, then the same
 * step. Both use medians, so a person crossing part of the frame does not move them.</li>
 * <li><b>Cells.</b> A cell's change is the mean absolute difference of its 9 pixels after that, times
 * 2, at most 255; a second keeps the largest of its frames'.</li>
 * <li><b>Activity.</b> A second's overall activity is its largest cell.</li>
 * </ul>
 */
public final class MotionAnalyzer {

	/** Mean grey-level difference is multiplied by this: a cell whose pixels change by 50 reads 100. */
	static final int GAIN = 2;

	private byte[] previous;

	private int frames;

	private final int[] secondCells = new int[MotionGrid.CELLS];

	private int second;

	private final ByteArrayOutputStream activity = new ByteArrayOutputStream();

	private final ByteArrayOutputStream cells = new ByteArrayOutputStream();

	private final int[] histogram = new int[511];

	private final int[] plain = new int[MotionGrid.FRAME_BYTES];

	private final int[] gained = new int[MotionGrid.FRAME_BYTES];

	/** The index of a file of raw grey frames as ffmpeg writes them ({@code -f rawvideo} after {@link MotionGrid#filter()}). */
	public static MotionIndex of(java.nio.file.Path frames) throws java.io.IOException {
		MotionAnalyzer analyzer = new MotionAnalyzer();
		try (java.io.InputStream in = new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(frames), 1 << 16)) {
			byte[] frame = new byte[MotionGrid.FRAME_BYTES];
			while (in.readNBytes(frame, 0, frame.length) == frame.length) {
				analyzer.accept(frame);
			}
		}
		return analyzer.finish();
	}

	/** @param frame {@link MotionGrid#FRAME_BYTES} grey bytes, row by row */
	public void accept(byte[] frame) {
		if (frame.length != MotionGrid.FRAME_BYTES) {
			throw new IllegalArgumentException("A motion frame has " + MotionGrid.FRAME_BYTES + " bytes, not " + frame.length);
		}
		int frameSecond = frames / MotionGrid.FRAMES_PER_SECOND;
		while (frameSecond > second) {
			flushSecond();
		}
		if (previous != null) {
			compare(previous, frame);
		}
		previous = frame.clone();
		frames++;
	}

	/** The index of what was fed: one record per second begun. */
	public MotionIndex finish() {
		int seconds = (frames + MotionGrid.FRAMES_PER_SECOND - 1) / MotionGrid.FRAMES_PER_SECOND;
		while (second < seconds) {
			flushSecond();
		}
		return new MotionIndex(seconds, activity.toByteArray(), cells.toByteArray());
	}

	private void compare(byte[] before, byte[] now) {
		int medianBefore = median(before);
		int medianNow = median(now);
		// the better of two models of a lighting change: an even step, or a gain with a step
		long stepOnly = residuals(before, now, 1.0, plain);
		long gainAndStep = medianNow > 0 && medianNow != medianBefore
				? residuals(before, now, (double) medianBefore / medianNow, gained) : Long.MAX_VALUE;
		int[] residual = gainAndStep < stepOnly ? gained : plain;
		for (int row = 0; row < MotionGrid.ROWS; row++) {
			for (int column = 0; column < MotionGrid.COLUMNS; column++) {
				int sum = 0;
				for (int y = 0; y < MotionGrid.CELL_PIXELS; y++) {
					int start = (row * MotionGrid.CELL_PIXELS + y) * MotionGrid.FRAME_WIDTH + column * MotionGrid.CELL_PIXELS;
					for (int x = 0; x < MotionGrid.CELL_PIXELS; x++) {
						sum += residual[start + x];
					}
				}
				int value = Math.min(255, Math.round((float) sum * GAIN / (MotionGrid.CELL_PIXELS * MotionGrid.CELL_PIXELS)));
				int cell = row * MotionGrid.COLUMNS + column;
				secondCells[cell] = Math.max(secondCells[cell], value);
			}
		}
	}

	/**
	 * Each pixel's change once the frame is scaled by {@code scale} and the median difference is
	 * taken out, into {@code into}; @return their sum, how well this model explains the change
	 */
	private long residuals(byte[] before, byte[] now, double scale, int[] into) {
		Arrays.fill(histogram, 0);
		for (int i = 0; i < now.length; i++) {
			int difference = Math.max(-255, Math.min(255, (int) Math.round((now[i] & 0xff) * scale) - (before[i] & 0xff)));
			into[i] = difference;
			histogram[difference + 255]++;
		}
		int offset = medianOf(histogram, now.length) - 255;
		long total = 0;
		for (int i = 0; i < now.length; i++) {
			into[i] = Math.abs(into[i] - offset);
			total += into[i];
		}
		return total;
	}

	private void flushSecond() {
		int max = 0;
		for (int value : secondCells) {
			cells.write(value);
			max = Math.max(max, value);
		}
		activity.write(max);
		Arrays.fill(secondCells, 0);
		second++;
	}

	private static int median(byte[] frame) {
		int[] counts = new int[256];
		for (byte value : frame) {
			counts[value & 0xff]++;
		}
		return medianOf(counts, frame.length);
	}

	private static int medianOf(int[] counts, int total) {
		int seen = 0;
		for (int value = 0; value < counts.length; value++) {
			seen += counts[value];
			if (seen * 2 >= total) {
				return value;
			}
		}
		return counts.length - 1;
	}

}
