package com.spatialintel.video.upload;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryUploadSessionsTests {

	private Instant now = Instant.parse("2026-11-01T08:00:00Z");

	private final Clock clock = new Clock() {
		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}
	};

	private final InMemoryUploadSessions sessions = new InMemoryUploadSessions(clock);

	@Test
	void aSessionLivesForItsTtlAndNoLonger() {
		UUID videoId = UUID.randomUUID();
		UploadSession session = new UploadSession("upload-1", UUID.randomUUID(), UUID.randomUUID(), 3,
				now.plus(Duration.ofHours(6)));

		sessions.save(videoId, session, Duration.ofHours(6));
		now = now.plus(Duration.ofHours(5));
		assertThat(sessions.find(videoId)).contains(session);

		now = now.plus(Duration.ofHours(1));
		assertThat(sessions.find(videoId)).isEmpty();
	}

	@Test
	void deletingForgetsTheSession() {
		UUID videoId = UUID.randomUUID();
		sessions.save(videoId, new UploadSession("u", UUID.randomUUID(), UUID.randomUUID(), 1, now), Duration.ofHours(1));

		sessions.delete(videoId);

		assertThat(sessions.find(videoId)).isEmpty();
	}

}
