package com.spatialintel.video.motion;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.spatialintel.video.testing.UnitTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The motion index's arithmetic on frames made here: cells, lighting, runs, the stored format, regions, sensitivity. */
@UnitTest
class MotionIndexUnitTests {

	private static byte[] textured(long seed) {
		Random random = new Random(seed);
		byte[] frame = new byte[MotionGrid.FRAME_BYTES];
		for (int i = 0; i < frame.length; i++) {
			frame[i] = (byte) (60 + random.nextInt(80));
		}
		return frame;
	}

	/** The frame with every pixel of a cell set to {@code value}. */
	private static byte[] withCell(byte[] frame, int column, int row, int value) {
		byte[] changed = frame.clone();
		for (int y = 0; y < MotionGrid.CELL_PIXELS; y++) {
			for (int x = 0; x < MotionGrid.CELL_PIXELS; x++) {
				changed[(row * MotionGrid.CELL_PIXELS + y) * MotionGrid.FRAME_WIDTH + column * MotionGrid.CELL_PIXELS + x] = (byte) value;
			}
		}
		return changed;
	}

	private static MotionIndex index(List<byte[]> frames) {
		MotionAnalyzer analyzer = new MotionAnalyzer();
		frames.forEach(analyzer::accept);
		return analyzer.finish();
	}

	@Test
	void aCellThatChangesReadsItsMeanDifferenceTimesTwoAndTheRestStaysStill() {
		byte[] flat = new byte[MotionGrid.FRAME_BYTES];
		java.util.Arrays.fill(flat, (byte) 100);
		List<byte[]> frames = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			frames.add(flat);
		}
		for (int i = 0; i < 5; i++) {
			frames.add(i == 2 ? withCell(flat, 5, 3, 160) : flat);
		}

		MotionIndex index = index(frames);
		assertThat(index.seconds()).isEqualTo(2);
		assertThat(index.activity(0)).isZero();
		assertThat(index.cell(1, 3 * MotionGrid.COLUMNS + 5)).isEqualTo(120);
		assertThat(index.activity(1)).isEqualTo(120);
		assertThat(index.cell(1, 3 * MotionGrid.COLUMNS + 6)).isZero();
	}

	@Test
	void aBrightnessStepOrAGainChangeOfTheWholeFrameIsNotMotionButACellMovingMeanwhileIs() {
		byte[] before = textured(1);
		byte[] brighter = before.clone();
		byte[] gained = before.clone();
		for (int i = 0; i < before.length; i++) {
			brighter[i] = (byte) ((before[i] & 0xff) + 50);
			gained[i] = (byte) Math.round((before[i] & 0xff) * 1.6);
		}
		assertThat(index(List.of(before, brighter)).activity(0)).as("+50 grey everywhere").isLessThanOrEqualTo(2);
		assertThat(index(List.of(before, gained)).activity(0)).as("×1.6 everywhere").isLessThanOrEqualTo(6);
		MotionIndex both = index(List.of(before, withCell(brighter, 30, 16, 250)));
		assertThat(both.cell(0, 16 * MotionGrid.COLUMNS + 30)).isGreaterThan(100);
		assertThat(both.cell(0, 0)).isLessThanOrEqualTo(2);
	}

	@Test
	void secondsCloserThanTwoMergeAndShortRunsGoByMinSeconds() {
		byte[] still = textured(2);
		List<byte[]> frames = new ArrayList<>();
		for (int second = 0; second < 25; second++) {
			for (int frame = 0; frame < 5; frame++) {
				boolean moving = (second >= 5 && second <= 7 || second == 9 || second == 20) && frame == 2;
				frames.add(moving ? withCell(still, 1, 1, 255) : still);
			}
		}
		MotionIndex index = index(frames);
		boolean[] mask = Region.mask(List.of(new Region(0, 0, 0.25, 0.25)));

		assertThat(MotionHits.find(index, mask, 50, 1)).containsExactly(new MotionHits.Run(5, 10, index.cell(5, 33)),
				new MotionHits.Run(20, 21, index.cell(20, 33)));
		assertThat(MotionHits.find(index, mask, 50, 2)).extracting(MotionHits.Run::start).containsExactly(5);
		assertThat(MotionHits.find(index, Region.mask(List.of(new Region(0.5, 0.5, 0.5, 0.5))), 50, 1)).isEmpty();
	}

	@Test
	void theStoredFormatReadsBackAndRefusesWhatItDoesNotKnow() {
		MotionIndex index = index(List.of(textured(3), withCell(textured(3), 0, 0, 255), textured(3)));
		byte[] stored = index.write();

		MotionIndex read = MotionIndex.read(stored);
		assertThat(read.seconds()).isEqualTo(1);
		assertThat(read.cell(0, 0)).isEqualTo(index.cell(0, 0)).isGreaterThan(100);
		byte[] future = stored.clone();
		future[5] = 9;
		assertThatThrownBy(() -> MotionIndex.read(future)).hasMessageStartingWith("motion index version 9 is not known");
		assertThatThrownBy(() -> MotionIndex.read("not an index".getBytes())).hasMessage("not a motion index (no SIVM header)");
		assertThatThrownBy(() -> MotionIndex.read(java.util.Arrays.copyOf(stored, stored.length - 4)))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void regionsCoverEveryCellTheyTouchAndNoneTheyOnlyBorder() {
		assertThat(count(new Region(0, 0, 1, 1))).isEqualTo(MotionGrid.CELLS);
		boolean[] corner = Region.mask(List.of(new Region(31.0 / 32, 17.0 / 18, 1.0 / 32, 1.0 / 18)));
		assertThat(count(corner)).isEqualTo(1);
		assertThat(corner[MotionGrid.CELLS - 1]).isTrue();
		assertThat(count(new Region(0.5, 0, 0.0001, 1.0 / 18))).as("a sliver inside column 16").isEqualTo(1);
		assertThat(count(new Region(0.25, 0.5, 0.25, 0.5))).as("edges on borders").isEqualTo(8 * 9);
		assertThat(count(new Region(0.26, 0.5, 0.25, 0.5))).as("an edge past a border reaches the next column").isEqualTo(9 * 9);
	}

	@Test
	void sensitivityRunsFromTheStrongestChangeToTheFaintest() {
		assertThat(Sensitivity.threshold(1)).isEqualTo(255);
		assertThat(Sensitivity.threshold(50)).isEqualTo(68);
		assertThat(Sensitivity.threshold(100)).isEqualTo(4);
		assertThatThrownBy(() -> Sensitivity.threshold(0)).isInstanceOf(IllegalArgumentException.class);
	}

	private static int count(Region region) {
		return count(Region.mask(List.of(region)));
	}

	private static int count(boolean[] mask) {
		int count = 0;
		for (boolean covered : mask) {
			count += covered ? 1 : 0;
		}
		return count;
	}

}
