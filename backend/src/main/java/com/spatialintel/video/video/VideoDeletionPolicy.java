package com.spatialintel.video.video;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

/**
 * The one place that says whether a video's objects may be deleted. Every path that deletes them
 * asks first: the API's delete, a failed or aborted upload, and the orphan sweep. Each
 * {@link DeletionVeto} (a legal hold) may refuse.
 */
@Service
public class VideoDeletionPolicy {

	private final List<DeletionVeto> vetoes;

	VideoDeletionPolicy(List<DeletionVeto> vetoes) {
		this.vetoes = List.copyOf(vetoes);
	}

	/** @return the first objection to deleting this video's objects; empty when they may go */
	public Optional<String> objection(UUID videoId, DeletionCause cause) {
		return vetoes.stream()
			.map(veto -> veto.objection(videoId, cause))
			.flatMap(Optional::stream)
			.findFirst();
	}

	public boolean mayDelete(UUID videoId, DeletionCause cause) {
		return objection(videoId, cause).isEmpty();
	}

	/** @throws DeletionRefusedException (409, with the veto's sentence) when a veto objects */
	public void requireMayDelete(UUID videoId, DeletionCause cause) {
		Optional<String> objection = objection(videoId, cause);
		if (objection.isPresent()) {
			throw new DeletionRefusedException(objection.get());
		}
	}

}
