import { describe, expect, it } from 'vitest';
import { refusalOf } from './validate';

const GB = 2 * 1024 ** 3;

describe('refusalOf', () => {
  it('accepts an MP4 within the limit', () => {
    expect(refusalOf({ name: 'cam 1.MP4', size: 10, type: 'video/mp4' }, GB)).toBeNull();
    expect(refusalOf({ name: 'cam.mp4', size: 10, type: '' }, GB)).toBeNull();
  });

  it('refuses another type, by name or by type, with a sentence', () => {
    expect(refusalOf({ name: 'notes.txt', size: 10, type: 'text/plain' }, GB)).toBe(
      '“notes.txt” is not an MP4 video: only .mp4 files can be uploaded.',
    );
    expect(refusalOf({ name: 'clip.mp4', size: 10, type: 'video/quicktime' }, GB)).toMatch(/not an MP4 video/);
    expect(refusalOf({ name: 'clip.mov', size: 10, type: 'video/mp4' }, GB)).toMatch(/not an MP4 video/);
  });

  it('refuses an empty file', () => {
    expect(refusalOf({ name: 'cam.mp4', size: 0 }, GB)).toBe('“cam.mp4” is empty (0 bytes): choose the recording itself.');
  });

  it('refuses a file over the server limit, naming both sizes', () => {
    expect(refusalOf({ name: 'cam.mp4', size: GB + 1 }, GB)).toBe(
      '“cam.mp4” is 2.1 GB, more than the 2.1 GB a file may have.',
    );
    expect(refusalOf({ name: 'cam.mp4', size: 5_000_001 }, 5_000_000)).toBe(
      '“cam.mp4” is 5.0 MB, more than the 5.0 MB a file may have.',
    );
  });
});
