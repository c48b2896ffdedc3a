package com.spatialintel.video.video;

/** Another video with the same checksum already exists on the pin (it won a race to be created). */
public class DuplicateVideoException extends RuntimeException {

	public DuplicateVideoException(Throwable cause) {
		super("A video with this checksum already exists on this pin", cause);
	}

}
