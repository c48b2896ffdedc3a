package com.spatialintel.video.motion;

/**
 * Sensitivity 1–100 as the cell intensity a second must reach to count as motion: 100 counts the
 * faintest change (intensity 4, above a camera's noise), 1 only the strongest (255); 50 needs 68, a
 * cell whose pixels change by about 34 grey levels. The curve is quadratic, so that the upper half of
 * the slider, where analysts look for small things, has the finer steps.
 */
public final class Sensitivity {

	public static final int DEFAULT = 50;

	private Sensitivity() {
	}

	public static int threshold(int sensitivity) {
		if (sensitivity < 1 || sensitivity > 100) {
			throw new IllegalArgumentException("sensitivity must be 1 to 100");
		}
		double share = (100 - sensitivity) / 99.0;
		return (int) Math.round(4 + 251 * share * share);
	}

}
