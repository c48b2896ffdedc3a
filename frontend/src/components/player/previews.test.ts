import { describe, expect, it } from 'vitest';
import { cueAt, parsePreviews } from './previews';

const VTT = `WEBVTT

00:00:00.000 --> 00:00:05.000
/api/videos/v/previews.jpg?expires=1&signature=s#xywh=0,0,160,90

00:00:05.000 --> 00:00:07.400
/api/videos/v/previews.jpg?expires=1&signature=s#xywh=160,0,160,90

00:00:07.400 --> nonsense
previews.jpg#xywh=320,0,160,90
`;

describe('scrub previews', () => {
  it('are read from the WebVTT file, a tile per cue', () => {
    const cues = parsePreviews(VTT);
    expect(cues).toHaveLength(2);
    expect(cues[1]).toEqual({
      start: 5,
      end: 7.4,
      image: '/api/videos/v/previews.jpg?expires=1&signature=s',
      x: 160,
      y: 0,
      width: 160,
      height: 90,
    });
  });

  it('give the tile of a time, and the last one past the end', () => {
    const cues = parsePreviews(VTT);
    expect(cueAt(cues, 0)?.x).toBe(0);
    expect(cueAt(cues, 4.99)?.x).toBe(0);
    expect(cueAt(cues, 5)?.x).toBe(160);
    expect(cueAt(cues, 99)?.x).toBe(160);
    expect(cueAt([], 1)).toBeNull();
  });
});
