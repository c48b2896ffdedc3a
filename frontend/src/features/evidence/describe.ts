import { formatBytes } from '../../lib/format';
import type { EvidenceExport } from './api/evidence';

/** The status line of an export, as its job stands. */
export function exportStatus(one: Pick<EvidenceExport, 'status' | 'progress' | 'error' | 'package_bytes'>): string {
  switch (one.status) {
    case 'queued':
      return 'Export waiting for a worker…';
    case 'running':
      return `Cutting from the originals… ${one.progress} %`;
    case 'completed':
      return `Package ready (${formatBytes(one.package_bytes ?? 0)}), signed`;
    case 'failed':
      return `Export failed: ${one.error ?? 'no reason given'}`;
    case 'deleted':
      return 'Export deleted with its package';
    default:
      return one.status;
  }
}

export const MODES = [
  {
    value: 'stream_copy',
    label: 'Stream copy (default)',
    hint: 'The recorded packets, byte for byte; the clip starts at the keyframe at or before In, so nothing you marked is missing.',
  },
  {
    value: 'frame_exact',
    label: 'Frame-exact, re-encoded',
    hint: 'Starts exactly at In; re-encoded, so the manifest labels it a derivative of the original.',
  },
] as const;

/** Why marks cannot be exported yet; null when they can. */
export function marksProblem(inSeconds: number | null, outSeconds: number | null, maxSeconds = 24 * 3600): string | null {
  if (inSeconds === null && outSeconds === null) return 'Mark In (I) and Out (O) in the player first.';
  if (inSeconds === null) return 'Mark In (I) too.';
  if (outSeconds === null) return 'Mark Out (O) too.';
  if (outSeconds <= inSeconds) return 'Out must be after In: mark them again.';
  if (outSeconds - inSeconds > maxSeconds) return 'An export covers at most 24 hours.';
  return null;
}

/** An instant as a `datetime-local` value on the zone's wall clock (kept here for the export window's fields). */
export { wallClockInput } from '../../lib/time';
