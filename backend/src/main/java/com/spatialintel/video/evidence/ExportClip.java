package com.spatialintel.video.evidence;

import java.util.UUID;

/**
 * One source clip of an export: the part {@code [requestedStart, requestedEnd)} (media seconds of
 * the original) of one video; the package holds one file per clip.
 */
record ExportClip(int ordinal, UUID videoId, UUID pinId, double requestedStart, double requestedEnd) {
}
