package com.spatialintel.video.motion;

import java.util.ArrayList;
import java.util.List;

/**
 * The seconds of an index whose cells in a region reach a threshold, as runs: seconds closer than
 * 2 s are one run (a person pausing behind a pillar is one event), and a run shorter than
 * {@code minSeconds} is left out.
 */
final class MotionHits {

	/** Seconds of no motion that still join two runs into one: fewer than this. */
	static final int MERGE_GAP = 2;

	private MotionHits() {
	}

	/** A run {@code [start, end)} in seconds of the video, with its strongest cell. */
	record Run(int start, int end, int peak) {
	}

	static List<Run> find(MotionIndex index, boolean[] mask, int threshold, int minSeconds) {
		return find(index, mask, threshold, minSeconds, 0, index.seconds());
	}

	/** The runs within the seconds {@code [first, last)} of the index. */
	static List<Run> find(MotionIndex index, boolean[] mask, int threshold, int minSeconds, int first, int last) {
		List<Run> runs = new ArrayList<>();
		int start = -1;
		int end = -1;
		int peak = 0;
		for (int second = Math.max(0, first); second < Math.min(last, index.seconds()); second++) {
			if (index.activity(second) < threshold) {
				continue;
			}
			int strongest = strongest(index, second, mask);
			if (strongest < threshold) {
				continue;
			}
			if (start >= 0 && second - end < MERGE_GAP) {
				end = second + 1;
				peak = Math.max(peak, strongest);
				continue;
			}
			if (start >= 0 && end - start >= minSeconds) {
				runs.add(new Run(start, end, peak));
			}
			start = second;
			end = second + 1;
			peak = strongest;
		}
		if (start >= 0 && end - start >= minSeconds) {
			runs.add(new Run(start, end, peak));
		}
		return runs;
	}

	/** The strongest cell of the mask in a second. */
	static int strongest(MotionIndex index, int second, boolean[] mask) {
		int strongest = 0;
		for (int cell = 0; cell < MotionGrid.CELLS; cell++) {
			if (mask[cell]) {
				strongest = Math.max(strongest, index.cell(second, cell));
			}
		}
		return strongest;
	}

}
