import { describe, expect, it } from 'vitest';
import { motionJump, stripBars, threshold } from './activity';

describe('activity', () => {
  it('counts sensitivity as the server does', () => {
    expect(threshold(1)).toBe(255);
    expect(threshold(50)).toBe(68);
    expect(threshold(100)).toBe(4);
  });

  it('draws one bar per pixel at most, keeping the strongest value of each, and nothing where there is no footage', () => {
    const values = Array.from({ length: 3600 }, () => 0);
    values[1800] = 200;
    const bars = stripBars(values, 300, 68);
    expect(bars).toHaveLength(300);
    expect(bars.filter((bar) => bar.motion)).toEqual([{ x: 150, width: 1, height: 200 / 255, motion: true }]);
    expect(stripBars([null, 10, null, 255], 4, 68).map((bar) => bar.x)).toEqual([1, 3]);
    expect(stripBars([100, 100], 600, 68)).toEqual([
      { x: 0, width: 300, height: 100 / 255, motion: true },
      { x: 300, width: 300, height: 100 / 255, motion: true },
    ]);
  });

  it('jumps to the next and the previous run of motion', () => {
    const activity = [0, 0, 0, 0, 0, 90, 90, 90, 0, 0, 0, 0, 80, 0, 0];
    expect(motionJump(activity, 0, 68, 1)).toBe(5);
    expect(motionJump(activity, 5.2, 68, 1)).toBe(12);
    expect(motionJump(activity, 12, 68, 1)).toBeNull();
    expect(motionJump(activity, 14, 68, -1)).toBe(12);
    expect(motionJump(activity, 12.1, 68, -1)).toBe(5);
    expect(motionJump(activity, 7.8, 68, -1)).toBe(5);
    expect(motionJump(activity, 5.1, 68, -1)).toBeNull();
    expect(motionJump(activity, 14, 95, -1)).toBeNull();
  });
});
