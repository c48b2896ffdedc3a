package com.spatialintel.video.runtime;

/**
 * How the process runs. {@link #EMBEDDED} keeps everything in one process with its files under
 * {@code DATA_DIR} (the Spring profile {@value #LOCAL_PROFILE} is active); {@link #EXTERNAL}
 * talks to PostgreSQL and the other production services.
 */
public enum RuntimeMode {

	EMBEDDED, EXTERNAL;

	public static final String LOCAL_PROFILE = "local";

	public static final String PROPERTY = "app.runtime-mode";

}
