import { formatBytes, formatDuration } from '../../lib/format';
import type { UploadState } from './engine/upload-engine';

/** The words of each phase, as the issue gives them; tests, users and screen readers rely on them. */
export function statusLine(state: UploadState): string {
  const percent = state.totalBytes > 0 ? Math.floor((state.bytesStored / state.totalBytes) * 100) : 0;
  switch (state.phase) {
    case 'ready':
      return 'Waiting to upload';
    case 'hashing':
      return `Calculating checksum… ${state.checksumPercent} %`;
    case 'initiating':
      return 'Starting the upload…';
    case 'uploading':
      return `Uploading: ${percent} %`;
    case 'paused':
      return state.pausedBy === 'offline' ? `Paused while offline: ${percent} %` : `Paused: ${percent} %`;
    case 'completing':
      return 'Checking the uploaded file…';
    case 'queued':
      return 'Processing queued…';
    case 'processing':
      return `Processing video… ${state.processingPercent ?? 0} %`;
    case 'complete':
      return '✅ Complete';
    case 'failed':
      return `❌ Failed: ${state.error ?? 'the server gave no reason.'}`;
    case 'duplicate':
      return 'Already uploaded';
    case 'cancelled':
      return 'Cancelled';
  }
}

/** Bytes sent of the total, and once the speed has settled, the speed and the time left. */
export function transferLine(state: UploadState): string | null {
  if (state.phase !== 'uploading' && state.phase !== 'paused') return null;
  const sent = `${formatBytes(state.bytesStored)} of ${formatBytes(state.totalBytes)}`;
  const parts = state.totalParts ? ` (${state.partsStored} of ${state.totalParts} parts)` : '';
  if (state.phase === 'paused' || state.bytesPerSecond === null || state.secondsLeft === null) return sent + parts;
  return `${sent}${parts} · ${formatBytes(state.bytesPerSecond)}/s · about ${formatDuration(state.secondsLeft)} left`;
}
