package com.spatialintel.video.retention;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.spatialintel.video.video.Video;

import org.springframework.stereotype.Service;

/** What other modules may ask of retention: how long a mall keeps footage, and whether a legal hold keeps a video. */
@Service
public class RetentionRules {

	private final LegalHoldRepository repository;

	private final LegalHolds holds;

	RetentionRules(LegalHoldRepository repository, LegalHolds holds) {
		this.repository = repository;
		this.holds = holds;
	}

	/** Days the mall keeps footage; empty when retention is off there (footage is kept until deleted). */
	public Optional<Integer> retentionDays(UUID mallId) {
		return repository.retentionDays(mallId);
	}

	/** The reasons of the active legal holds that keep this video; empty when none does. */
	public List<String> holdReasons(Video video) {
		return holds.holding(video).stream().map(LegalHold::reason).toList();
	}

}
