import { describe, expect, it } from 'vitest';
import { initialState, type UploadState } from './engine/upload-engine';
import { statusLine, transferLine } from './status-text';

const base: UploadState = { ...initialState(100_000_000), totalParts: 10 };

describe('status words', () => {
  it.each([
    [{ phase: 'hashing', checksumPercent: 42 }, 'Calculating checksum… 42 %'],
    [{ phase: 'uploading', bytesStored: 30_000_000 }, 'Uploading: 30 %'],
    [{ phase: 'paused', pausedBy: 'offline', bytesStored: 30_000_000 }, 'Paused while offline: 30 %'],
    [{ phase: 'queued' }, 'Processing queued…'],
    [{ phase: 'processing', processingPercent: 64 }, 'Processing video… 64 %'],
    [{ phase: 'complete' }, '✅ Complete'],
    [{ phase: 'failed', error: 'checksum mismatch' }, '❌ Failed: checksum mismatch'],
    [{ phase: 'duplicate' }, 'Already uploaded'],
  ] as const)('%o reads "%s"', (patch, words) => {
    expect(statusLine({ ...base, ...patch })).toBe(words);
  });

  it('shows bytes, parts, speed and time left once the speed has settled', () => {
    const uploading = { ...base, phase: 'uploading', bytesStored: 20_000_000, partsStored: 2 } as UploadState;
    expect(transferLine(uploading)).toBe('20.0 MB of 100 MB (2 of 10 parts)');
    expect(transferLine({ ...uploading, bytesPerSecond: 4_000_000, secondsLeft: 20 })).toBe(
      '20.0 MB of 100 MB (2 of 10 parts) · 4.0 MB/s · about 20 s left',
    );
  });
});
