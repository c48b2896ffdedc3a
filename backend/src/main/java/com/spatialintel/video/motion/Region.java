package com.spatialintel.video.motion;

/**
 * A rectangle of the frame in 0–1 coordinates (x to the right, y down, from the top left corner):
 * the cells it covers, even in part, are searched.
 */
public record Region(double x, double y, double width, double height) {

	/** Marks the cells this region covers in {@code mask} (row by row). */
	void cover(boolean[] mask) {
		int firstColumn = first(x, MotionGrid.COLUMNS);
		int lastColumn = last(x + width, MotionGrid.COLUMNS);
		int firstRow = first(y, MotionGrid.ROWS);
		int lastRow = last(y + height, MotionGrid.ROWS);
		for (int row = firstRow; row <= lastRow; row++) {
			for (int column = firstColumn; column <= lastColumn; column++) {
				mask[row * MotionGrid.COLUMNS + column] = true;
			}
		}
	}

	/** The cell a start edge falls in. */
	private static int first(double edge, int count) {
		return Math.min(count - 1, Math.max(0, (int) Math.floor(edge * count + 1e-9)));
	}

	/** The last cell an end edge reaches into (an edge exactly on a cell's border does not reach the next). */
	private static int last(double edge, int count) {
		return Math.min(count - 1, Math.max(0, (int) Math.ceil(edge * count - 1e-9) - 1));
	}

	/** The cells of all regions. */
	static boolean[] mask(Iterable<Region> regions) {
		boolean[] mask = new boolean[MotionGrid.CELLS];
		regions.forEach(region -> region.cover(mask));
		return mask;
	}

}
