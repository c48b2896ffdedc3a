import { describe, expect, it } from 'vitest';
import { readQuery, rectBetween, writeQuery } from './search-params';

describe('a motion search in the URL', () => {
  it('reads back what it wrote, keeping the other parameters', () => {
    const query = {
      regions: [{ x: 0, y: 0, width: 0.4, height: 0.35 }, { x: 0.5, y: 0.5, width: 0.25, height: 0.5 }],
      sensitivity: 70,
      minSeconds: 2,
      from: '2026-11-29T22:00:00.000Z',
      to: '2026-12-01T06:00:00.000Z',
    };
    const url = writeQuery(query, new URLSearchParams('date=2026-11-30&t=2026-11-30T10:00:00Z'));
    expect(url.get('date')).toBe('2026-11-30');
    expect(url.get('motion')).toBe('0,0,0.4,0.35;0.5,0.5,0.25,0.5');
    expect(readQuery(url)).toEqual(query);
    expect(readQuery(writeQuery({ ...query, from: null, to: null }, url)).from).toBeNull();
  });

  it('leaves out what is not a region in the frame, and falls back to the defaults', () => {
    expect(readQuery(new URLSearchParams('motion=0,0,1,1;x,1,2,3;0.9,0,0.2,0.5;0,0,0,1&sensitivity=0&min=abc&motion_from=soon'))).toEqual({
      regions: [{ x: 0, y: 0, width: 1, height: 1 }],
      sensitivity: 50,
      minSeconds: 1,
      from: null,
      to: null,
    });
  });

  it('turns a drag into 0–1 coordinates at any size, whichever way it goes and past the edges', () => {
    expect(rectBetween({ x: 64, y: 36 }, { x: 320, y: 180 }, 640, 360)).toEqual({ x: 0.1, y: 0.1, width: 0.4, height: 0.4 });
    expect(rectBetween({ x: 160, y: 90 }, { x: 32, y: 18 }, 320, 180)).toEqual({ x: 0.1, y: 0.1, width: 0.4, height: 0.4 });
    expect(rectBetween({ x: -50, y: -10 }, { x: 999, y: 999 }, 1280, 720)).toEqual({ x: 0, y: 0, width: 0.7805, height: 1 });
  });
});
