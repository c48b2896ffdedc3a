package com.spatialintel.video.processing;

/** What every proxy is, as players need to know it. */
public final class ProxyFormat {

	/** Every proxy has this frame rate, whatever the original's: one frame lasts a tenth of a second. */
	public static final int FRAMES_PER_SECOND = 10;

	private ProxyFormat() {
	}

}
