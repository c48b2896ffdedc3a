package com.spatialintel.video.library;

import com.spatialintel.video.testing.UnitTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@UnitTest
class PreviewCuesTests {

	@Test
	void everyTileReferenceBecomesTheSignedLinkAndNothingElseChanges() {
		String stored = "WEBVTT\n\n00:00:00.000 --> 00:00:05.000\npreviews.jpg#xywh=0,0,160,90\n\n"
				+ "00:00:05.000 --> 00:00:07.500\npreviews.jpg#xywh=160,0,160,90\n";

		String served = PreviewCues.withSignedImage(stored, "/api/videos/v/previews.jpg?expires=1&signature=s");

		assertThat(served).isEqualTo("WEBVTT\n\n00:00:00.000 --> 00:00:05.000\n"
				+ "/api/videos/v/previews.jpg?expires=1&signature=s#xywh=0,0,160,90\n\n"
				+ "00:00:05.000 --> 00:00:07.500\n/api/videos/v/previews.jpg?expires=1&signature=s#xywh=160,0,160,90\n");
	}

}
