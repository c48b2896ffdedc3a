package com.spatialintel.video.processing;

import java.nio.file.Path;

/** A worker's work folder cannot be written: the worker would fail every job, so it does not start. */
final class UnusableWorkFolderException extends IllegalStateException {

	private final transient Path folder;

	UnusableWorkFolderException(Path folder, Exception cause) {
		super("The work folder " + folder + " of this worker cannot be written (" + reason(cause)
				+ "): it could not process a single video, so it stops.", cause);
		this.folder = folder;
	}

	Path folder() {
		return folder;
	}

	private static String reason(Exception cause) {
		String message = cause.getMessage();
		return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
	}

}
