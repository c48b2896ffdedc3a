package com.spatialintel.video.evidence;

import java.nio.file.Path;
import java.util.List;

/**
 * What one cut made: the file, and the media range of the original it actually holds (a stream
 * copy starts at the keyframe at or before In), and how it was made.
 */
record ClipCut(Path file, double actualStart, double actualEnd, List<String> ffmpegArguments) {
}
