import { describe, expect, it } from 'vitest';
import { captionsVtt } from './captions';

describe('captionsVtt', () => {
  it('has one cue per second, the last one ending at the whole second after the end', () => {
    const vtt = captionsVtt(2.4, (second) => `Entrance 3 · second ${second}`);
    expect(vtt).toBe(
      [
        'WEBVTT',
        '',
        '00:00:00.000 --> 00:00:01.000',
        'Entrance 3 · second 0',
        '',
        '00:00:01.000 --> 00:00:02.000',
        'Entrance 3 · second 1',
        '',
        '00:00:02.000 --> 00:00:03.000',
        'Entrance 3 · second 2',
        '',
      ].join('\n'),
    );
  });

  it('writes hours past the first', () => {
    expect(captionsVtt(3601, () => 'x')).toContain('01:00:00.000 --> 01:00:01.000');
  });

  it('is empty for a duration not known yet', () => {
    expect(captionsVtt(0, () => 'x')).toBe('WEBVTT\n');
  });
});
