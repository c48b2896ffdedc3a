import { describe, expect, it } from 'vitest';
import { crossInto, laneCount, nextAfter, place, skippedNotice, targetAt, type Span } from './playback';

const clip = (id: string, start: string, end: string, has_proxy = true): Span => ({
  video_id: id,
  start: `2026-11-02T${start}Z`,
  end: `2026-11-02T${end}Z`,
  has_proxy,
});
const at = (time: string) => new Date(`2026-11-02T${time}Z`).getTime();

// two consecutive, one after a 12-minute gap, one overlapping it
const placed = place([
  clip('c', '10:12:00', '10:14:00'),
  clip('a', '10:00:00', '10:00:30'),
  clip('b', '10:00:30', '10:01:00'),
  clip('d', '10:13:00', '10:15:00'),
]);
const byId = (id: string) => placed.find((item) => item.clip.video_id === id)!;

describe('continuous playback', () => {
  it('keeps clips whose rounded lengths overlap by less than a second in one lane', () => {
    const rounded = place([clip('a', '10:00:00', '10:00:12.040'), clip('b', '10:00:12', '10:00:24')]);
    expect(rounded.map((item) => item.lane)).toEqual([0, 0]);
  });

  it('orders clips by start and puts overlapping ones in a second lane', () => {
    expect(placed.map((item) => item.clip.video_id)).toEqual(['a', 'b', 'c', 'd']);
    expect(placed.map((item) => item.lane)).toEqual([0, 0, 0, 1]);
    expect(laneCount(placed)).toBe(2);
  });

  it('plays the clip under an instant at the right offset, or the next one after a gap', () => {
    expect(targetAt(placed, at('10:00:40'))).toMatchObject({ clip: byId('b'), offset: 10, skippedMs: 0 });
    expect(targetAt(placed, at('10:05:00'))).toMatchObject({ clip: byId('c'), offset: 0, skippedMs: 7 * 60_000 });
    expect(targetAt(placed, at('10:13:30'))).toMatchObject({ clip: byId('d'), offset: 30 });
    expect(targetAt(placed, at('11:00:00'))).toBeNull();
  });

  it('goes on with the next clip at the end of one, and says what gap was skipped', () => {
    expect(nextAfter(placed, byId('a'))).toMatchObject({ clip: byId('b'), offset: 0, skippedMs: 0 });
    expect(nextAfter(placed, byId('b'))).toMatchObject({ clip: byId('c'), offset: 0, skippedMs: 11 * 60_000 });
    // d started while c played: it goes on from where c ended
    expect(nextAfter(placed, byId('c'))).toMatchObject({ clip: byId('d'), offset: 60, skippedMs: 0 });
    expect(nextAfter(placed, byId('d'))).toBeNull();
  });

  it('skips clips without a proxy', () => {
    const unprocessed = place([clip('a', '10:00:00', '10:01:00'), clip('b', '10:01:00', '10:02:00', false), clip('c', '10:02:00', '10:03:00')]);
    expect(nextAfter(unprocessed, unprocessed[0])).toMatchObject({ clip: unprocessed[2], skippedMs: 60_000 });
  });

  it('lets seeks cross into the neighbouring clip at the same wall-clock moment', () => {
    expect(crossInto(placed, byId('a'), 10)).toMatchObject({ clip: byId('b'), offset: 10 });
    expect(crossInto(placed, byId('b'), -5)).toMatchObject({ clip: byId('a'), offset: 25 });
    // forward into the gap: the next clip, with the rest of the gap skipped
    expect(crossInto(placed, byId('b'), 60)).toMatchObject({ clip: byId('c'), offset: 0, skippedMs: 10 * 60_000 });
    // back into the gap: the end of the clip before it
    expect(crossInto(placed, byId('c'), -60)).toMatchObject({ clip: byId('b') });
    expect(crossInto(placed, byId('c'), -60)!.offset).toBeCloseTo(29.9);
    // back from d into the gap before c: c's start is nearer than b's end
    expect(crossInto(placed, byId('d'), -10)).toMatchObject({ clip: byId('c'), offset: 50 });
    expect(crossInto(placed, byId('d'), -70)).toMatchObject({ clip: byId('c'), offset: 0 });
    expect(crossInto(placed, byId('a'), -5)).toBeNull();
    expect(crossInto(placed, byId('d'), 5)).toBeNull();
  });

  it('words the skipped gap', () => {
    expect(skippedNotice(12 * 60_000)).toBe('12 min without footage skipped');
    expect(skippedNotice(45_000)).toBe('45 s without footage skipped');
    expect(skippedNotice(150 * 60_000)).toBe('2 h 30 min without footage skipped');
  });
});
