package com.spatialintel.video.processing;

import java.nio.file.Path;

import com.spatialintel.video.testing.UnitTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@UnitTest
class ScrubPreviewsTests {

	@Test
	void aTileEveryFiveSecondsUntilTwoHundredWouldNotCoverTheVideo() {
		assertThat(ScrubPreviews.plan(30, 854, 480)).extracting(ScrubPreviews::interval, ScrubPreviews::tiles)
			.containsExactly(5, 6);
		assertThat(ScrubPreviews.plan(600, 854, 480)).extracting(ScrubPreviews::interval, ScrubPreviews::tiles)
			.containsExactly(5, 120);
		assertThat(ScrubPreviews.plan(1000, 854, 480)).extracting(ScrubPreviews::interval, ScrubPreviews::tiles)
			.containsExactly(5, 200);
		assertThat(ScrubPreviews.plan(1001, 854, 480)).extracting(ScrubPreviews::interval, ScrubPreviews::tiles)
			.containsExactly(10, 101);
		assertThat(ScrubPreviews.plan(3600, 854, 480)).extracting(ScrubPreviews::interval, ScrubPreviews::tiles)
			.containsExactly(20, 180);
		assertThat(ScrubPreviews.plan(24 * 3600, 854, 480).tiles()).isLessThanOrEqualTo(200);
		assertThat(ScrubPreviews.plan(0.4, 854, 480).tiles()).isEqualTo(1);
	}

	@Test
	void tilesAre160PixelsWideWithTheProxysShapeAndTenARow() {
		ScrubPreviews wide = ScrubPreviews.plan(600, 854, 480);
		assertThat(wide.tileWidth()).isEqualTo(160);
		assertThat(wide.tileHeight()).isEqualTo(90);
		assertThat(wide.columns()).isEqualTo(10);
		assertThat(wide.rows()).isEqualTo(12);
		assertThat(ScrubPreviews.plan(600, 640, 480).tileHeight()).isEqualTo(120);
		assertThat(ScrubPreviews.plan(600, 270, 480).tileHeight()).as("portrait").isEqualTo(284);
		ScrubPreviews short_ = ScrubPreviews.plan(12, 640, 360);
		assertThat(short_.columns()).isEqualTo(3);
		assertThat(short_.rows()).isEqualTo(1);
	}

	@Test
	void theCuesCoverTheVideoEndToEndAndNameTheirTile() {
		String vtt = ScrubPreviews.plan(23.4, 854, 480).vtt();

		assertThat(vtt).startsWith("WEBVTT\n\n00:00:00.000 --> 00:00:05.000\npreviews.jpg#xywh=0,0,160,90\n");
		assertThat(vtt).contains("\n00:00:05.000 --> 00:00:10.000\npreviews.jpg#xywh=160,0,160,90\n");
		assertThat(vtt).endsWith("\n00:00:20.000 --> 00:00:23.400\npreviews.jpg#xywh=640,0,160,90\n");
		assertThat(vtt.split("-->")).hasSize(6);
		String secondRow = ScrubPreviews.plan(60, 854, 480).vtt();
		assertThat(secondRow).contains("00:00:50.000 --> 00:00:55.000\npreviews.jpg#xywh=0,90,160,90");
	}

	@Test
	void timesAreWrittenAsWebVttDoes() {
		assertThat(ScrubPreviews.timestamp(0)).isEqualTo("00:00:00.000");
		assertThat(ScrubPreviews.timestamp(3725.5)).isEqualTo("01:02:05.500");
		assertThat(ScrubPreviews.timestamp(86_399.9994)).isEqualTo("23:59:59.999");
	}

	@Test
	void theCommandTakesKeyframesOnlyAndOneTiledImage() {
		assertThat(ScrubPreviews.plan(30, 854, 480).command("ffmpeg", Path.of("p.mp4"), Path.of("s.jpg")))
			.containsSubsequence("-skip_frame", "nokey", "-i", "p.mp4")
			.containsSubsequence("-vf",
					"select='isnan(prev_selected_t)+gte(t-prev_selected_t,4.95)',scale=160:90,tile=6x1", "-frames:v", "1")
			.endsWith("s.jpg");
	}

	@Test
	void aProxyWithoutDurationOrSizeHasNoPlan() {
		assertThatIllegalArgumentException().isThrownBy(() -> ScrubPreviews.plan(0, 854, 480));
		assertThatIllegalArgumentException().isThrownBy(() -> ScrubPreviews.plan(Double.NaN, 854, 480));
		assertThatIllegalArgumentException().isThrownBy(() -> ScrubPreviews.plan(10, 0, 480));
	}

}
