package com.spatialintel.video.motion;

/**
 * The grid of the motion index and the frames it is computed from: the video scaled to 96×54
 * grey pixels (its own shape stretched; cells are fractions of the frame either way), 5 frames a
 * second, each cell 3×3 pixels of a 32×18 grid.
 */
public final class MotionGrid {

	public static final int COLUMNS = 32;

	public static final int ROWS = 18;

	public static final int CELLS = COLUMNS * ROWS;

	/** Pixels of a cell, each way. */
	static final int CELL_PIXELS = 3;

	public static final int FRAME_WIDTH = COLUMNS * CELL_PIXELS;

	public static final int FRAME_HEIGHT = ROWS * CELL_PIXELS;

	public static final int FRAME_BYTES = FRAME_WIDTH * FRAME_HEIGHT;

	public static final int FRAMES_PER_SECOND = 5;

	private MotionGrid() {
	}

	/** The ffmpeg filter that makes the analysed frames from a video stream (after the proxy's fps). */
	public static String filter() {
		return "fps=" + FRAMES_PER_SECOND + ",scale=" + FRAME_WIDTH + ":" + FRAME_HEIGHT + ":flags=area,format=gray";
	}

}
