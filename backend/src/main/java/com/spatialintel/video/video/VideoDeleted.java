package com.spatialintel.video.video;

import java.time.Instant;
import java.util.UUID;

/**
 * Published inside the transaction that marks a video for deletion: it is hidden from everyone at
 * once, and its objects and row go next. The facts are carried, since the row will not outlive it.
 * {@code cause}: someone asked ({@code REQUESTED}, by {@code deletedByUserId}) or the mall's
 * retention passed ({@code RETENTION}, by no one).
 */
public record VideoDeleted(UUID videoId, UUID mallId, UUID pinId, String filename, String checksumSha256,
		UUID deletedByUserId, Instant deletedAt, DeletionCause cause) {
}
