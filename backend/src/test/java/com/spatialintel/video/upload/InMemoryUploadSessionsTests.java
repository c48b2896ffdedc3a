package com.spatialintel.video.upload;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.spatialintel.video.testing.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryUploadSessionsTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T08:00:00Z"));

	private final InMemoryUploadSessions sessions = new InMemoryUploadSessions(clock);

	@Test
	void aSessionLivesForItsTtlAndNoLonger() {
		UUID videoId = UUID.randomUUID();
		UploadSession session = new UploadSession("upload-1", UUID.randomUUID(), UUID.randomUUID(), 3,
				clock.instant().plus(Duration.ofHours(6)));

		sessions.save(videoId, session, Duration.ofHours(6));
		clock.advance(Duration.ofHours(5));
		assertThat(sessions.find(videoId)).contains(session);

		clock.advance(Duration.ofHours(1));
		assertThat(sessions.find(videoId)).isEmpty();
	}

	@Test
	void deletingForgetsTheSession() {
		UUID videoId = UUID.randomUUID();
		sessions.save(videoId, new UploadSession("u", UUID.randomUUID(), UUID.randomUUID(), 1, clock.instant()), Duration.ofHours(1));

		sessions.delete(videoId);

		assertThat(sessions.find(videoId)).isEmpty();
	}

}
