package com.spatialintel.video.motion;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;

/**
 * A video's motion index: per second, the frame's overall activity and each cell's change
 * intensity (0–255). Stored as {@code motion.bin}: the magic {@code SIVM}, a format version, the
 * grid and the number of seconds, then the activity bytes and the cell bytes (second by second,
 * row by row) deflated. About 2 KB a minute of quiet footage.
 */
public final class MotionIndex {

	static final int MAGIC = 0x5349564d;

	public static final int VERSION = 1;

	private final int seconds;

	private final byte[] activity;

	private final byte[] cells;

	MotionIndex(int seconds, byte[] activity, byte[] cells) {
		if (activity.length != seconds || cells.length != seconds * MotionGrid.CELLS) {
			throw new IllegalArgumentException("A motion index of " + seconds + " s needs " + seconds + " activity bytes and "
					+ seconds * MotionGrid.CELLS + " cell bytes");
		}
		this.seconds = seconds;
		this.activity = activity;
		this.cells = cells;
	}

	public int seconds() {
		return seconds;
	}

	/** The overall activity of second {@code second}, 0–255. */
	public int activity(int second) {
		return activity[second] & 0xff;
	}

	/** The change intensity of a cell in a second, 0–255. */
	public int cell(int second, int cell) {
		return cells[second * MotionGrid.CELLS + cell] & 0xff;
	}

	public byte[] write() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			out.writeInt(MAGIC);
			out.writeShort(VERSION);
			out.writeByte(MotionGrid.COLUMNS);
			out.writeByte(MotionGrid.ROWS);
			out.writeInt(seconds);
			try (OutputStream deflated = new DeflaterOutputStream(out, new Deflater(Deflater.BEST_SPEED), 1 << 16)) {
				deflated.write(activity);
				deflated.write(cells);
			}
		}
		catch (IOException impossible) {
			throw new IllegalStateException(impossible);
		}
		return bytes.toByteArray();
	}

	/**
	 * @throws IllegalArgumentException when the bytes are not a motion index this code reads: another
	 * magic, an unknown version or grid, or a payload of the wrong size
	 */
	public static MotionIndex read(byte[] stored) {
		try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(stored))) {
			if (in.readInt() != MAGIC) {
				throw new IllegalArgumentException("not a motion index (no SIVM header)");
			}
			int version = in.readUnsignedShort();
			if (version != VERSION) {
				throw new IllegalArgumentException("motion index version " + version + " is not known (this server reads version "
						+ VERSION + "); build the index again");
			}
			int columns = in.readUnsignedByte();
			int rows = in.readUnsignedByte();
			if (columns != MotionGrid.COLUMNS || rows != MotionGrid.ROWS) {
				throw new IllegalArgumentException("motion index grid " + columns + "×" + rows + " is not known");
			}
			int seconds = in.readInt();
			if (seconds < 0 || seconds > 10 * 24 * 3600) {
				throw new IllegalArgumentException("motion index of " + seconds + " s");
			}
			byte[] payload = inflate(in, seconds * (1 + MotionGrid.CELLS));
			byte[] activity = java.util.Arrays.copyOfRange(payload, 0, seconds);
			byte[] cells = java.util.Arrays.copyOfRange(payload, seconds, payload.length);
			return new MotionIndex(seconds, activity, cells);
		}
		catch (IOException truncated) {
			throw new IllegalArgumentException("motion index truncated");
		}
	}

	private static byte[] inflate(InputStream in, int size) throws IOException {
		byte[] compressed = in.readAllBytes();
		Inflater inflater = new Inflater();
		try {
			inflater.setInput(compressed);
			byte[] out = new byte[size];
			int filled = 0;
			while (filled < size && !inflater.finished()) {
				int got = inflater.inflate(out, filled, size - filled);
				if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
					break;
				}
				filled += got;
			}
			if (filled != size || !inflater.finished()) {
				throw new IllegalArgumentException("motion index payload is not " + size + " bytes");
			}
			return out;
		}
		catch (DataFormatException corrupt) {
			throw new IllegalArgumentException("motion index payload is corrupt");
		}
		finally {
			inflater.end();
		}
	}

	/** The decoded size in memory, for the cache's budget. */
	long sizeInMemory() {
		return activity.length + cells.length + 64L;
	}

}
