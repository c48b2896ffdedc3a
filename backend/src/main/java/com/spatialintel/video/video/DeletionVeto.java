package com.spatialintel.video.video;

import java.util.Optional;
import java.util.UUID;

/**
 * A rule that may keep a video's objects from being deleted, such as a legal hold. Every bean of
 * this type is asked by {@link VideoDeletionPolicy} before any path deletes a video's objects.
 */
public interface DeletionVeto {

	/** @return the sentence saying why the objects must stay, for people; empty when this rule has no objection */
	Optional<String> objection(UUID videoId, DeletionCause cause);

}
