package com.spatialintel.video.video;

import com.spatialintel.video.errors.ConflictException;

/** A {@link DeletionVeto} kept the video's objects; the message is its sentence. */
public class DeletionRefusedException extends ConflictException {

	public DeletionRefusedException(String objection) {
		super(objection);
	}

}
