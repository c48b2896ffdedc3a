import { describe, expect, it } from 'vitest';
import { snapshotName, wallClock } from './snapshot';

describe('a snapshot', () => {
  it('is named after the pin and the wall-clock time of its frame', () => {
    expect(snapshotName('Entrance 3', '2026-11-01T08:00:00Z', 12.34)).toBe('Entrance_3-2026-11-01T08_00_12.340Z.png');
  });

  it('is named after the position when the recording time is unknown', () => {
    expect(snapshotName('Entrance', null, 7.25)).toBe('Entrance-7.3s.png');
    expect(snapshotName('Entrance', 'not a time', 0)).toBe('Entrance-0.0s.png');
  });

  it('keeps letters of any script and drops what a file system could refuse', () => {
    expect(snapshotName('Café / Nord: «A»', null, 1)).toBe('Café_Nord_A_-1.0s.png');
    expect(snapshotName('入口', null, 1)).toBe('入口-1.0s.png');
  });

  it('finds the wall-clock time to the millisecond', () => {
    expect(wallClock('2026-11-01T23:59:59.950Z', 0.1)).toBe('2026-11-02T00:00:00.050Z');
    expect(wallClock(undefined, 3)).toBeNull();
  });
});
