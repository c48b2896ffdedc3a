package com.spatialintel.video.video;

import java.util.EnumSet;
import java.util.Set;

import com.spatialintel.video.testing.UnitTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The upload's states: the table and the changes the repository makes agree both ways. */
@UnitTest
class UploadTransitionTests {

	@Test
	void everyChangeTheRepositoryMakesIsAllowedByTheTable() {
		for (UploadTransition transition : UploadTransition.values()) {
			for (UploadState from : transition.from()) {
				assertThat(from.mayBecome(transition.to())).as(transition + " from " + from).isTrue();
			}
		}
	}

	@Test
	void everyChangeTheTableAllowsIsMadeBySomeTransition() {
		for (UploadState from : UploadState.values()) {
			for (UploadState to : UploadState.values()) {
				if (!from.mayBecome(to)) {
					continue;
				}
				boolean made = EnumSet.allOf(UploadTransition.class).stream()
					.anyMatch(transition -> transition.from().contains(from) && transition.to() == to);
				// a claim lapses by itself at completing_until: no statement makes COMPLETING → UPLOADING but the release
				assertThat(made).as(from + " → " + to + " is allowed but no transition makes it").isTrue();
			}
		}
	}

	@Test
	void theClaimAndTheDeletionRequestAreStatesOfTheirOwn() {
		assertThat(UploadTransition.CLAIM_COMPLETION.from()).containsExactly(UploadState.UPLOADING);
		assertThat(UploadTransition.CLAIM_COMPLETION.to()).isEqualTo(UploadState.COMPLETING);
		assertThat(UploadTransition.REQUEST_DELETION.to()).isEqualTo(UploadState.DELETING);
		assertThat(UploadTransition.REMOVE_UNFINISHED.from()).doesNotContain(UploadState.COMPLETING, UploadState.UPLOADED,
				UploadState.DELETING);
		assertThat(UploadState.REMOVED.mayBecome(UploadState.UPLOADING)).isFalse();
		assertThat(Set.of(UploadState.values())).allSatisfy(state -> assertThat(state.mayBecome(state)).isFalse());
	}

	@Test
	void guardsNameTheStatesTheyLeaveAsConditionsAtNow() {
		assertThat(UploadTransition.CLAIM_COMPLETION.guard())
			.isEqualTo("((upload_status = 'uploading' AND deletion_requested_at IS NULL"
					+ " AND (completing_until IS NULL OR completing_until < :now)))");
		assertThat(UploadTransition.REMOVE_DELETED.guard()).isEqualTo("((deletion_requested_at IS NOT NULL))");
	}

}
