package com.spatialintel.video.testing;

/**
 * While the unit layer runs ({@code siv.unit-only}, set by the build for it) the helpers that
 * start a real service refuse to, so a {@link UnitTest} cannot quietly depend on one.
 */
public final class UnitLayer {

	static final String PROPERTY = "siv.unit-only";

	private UnitLayer() {
	}

	static boolean running() {
		return Boolean.getBoolean(PROPERTY);
	}

	/** @throws IllegalStateException in the unit layer, naming what the test tried to use */
	static void refuse(String service) {
		if (running()) {
			throw new IllegalStateException("A @UnitTest may not use " + service
					+ ": it runs with no services started. Make it an integration test, or leave the service out.");
		}
	}

}
