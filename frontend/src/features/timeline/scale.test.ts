import { describe, expect, it } from 'vitest';
import { dayBounds } from '../../lib/time';
import { centreOn, MIN_SPAN_MS, pan, ticks, timeToX, xToTime, zoom, type View } from './scale';

const at = (iso: string) => new Date(iso).getTime();
const berlinDay = (date: string): View => {
  const [start, end] = dayBounds(date, 'Europe/Berlin');
  return { start, end };
};

describe('the day bar', () => {
  it('turns times into positions and back', () => {
    const day = berlinDay('2026-11-02');
    expect(timeToX(day, 1200, day.start)).toBe(0);
    expect(timeToX(day, 1200, at('2026-11-02T11:00:00Z'))).toBe(600);
    expect(xToTime(day, 1200, 600)).toBe(at('2026-11-02T11:00:00Z'));
    expect(xToTime(day, 1200, timeToX(day, 1200, at('2026-11-02T13:32:05Z')))).toBeCloseTo(at('2026-11-02T13:32:05Z'));
  });

  it('is 23 hours wide on the day DST starts: noon is past the middle', () => {
    const day = berlinDay('2026-03-29');
    expect(day.end - day.start).toBe(23 * 3_600_000);
    // 12:00 CEST is 11 h after midnight CET: 11/23 of the bar
    expect(timeToX(day, 2300, at('2026-03-29T10:00:00Z'))).toBeCloseTo(1100);
    const labels = ticks(day, 2300, 'Europe/Berlin').map((tick) => tick.label);
    expect(labels).toContain('01:00');
    expect(labels).toContain('03:00');
    expect(labels).not.toContain('02:00');
  });

  it('has both 02:00s on the 25-hour day DST ends', () => {
    const day = berlinDay('2026-10-25');
    expect(day.end - day.start).toBe(25 * 3_600_000);
    const labels = ticks(day, 2500, 'Europe/Berlin').map((tick) => tick.label);
    expect(labels.filter((label) => label === '02:00')).toHaveLength(2);
  });

  it('zooms around the pointer down to one minute and out to the whole day, never past it', () => {
    const day = berlinDay('2026-11-02');
    const noon = at('2026-11-02T11:00:00Z');
    const closer = zoom(day, 2, noon, day);
    expect(closer.end - closer.start).toBe(12 * 3_600_000);
    expect(timeToX(closer, 1000, noon)).toBeCloseTo(timeToX(day, 1000, noon));
    let deep = day;
    for (let i = 0; i < 20; i++) deep = zoom(deep, 2, noon, day);
    expect(deep.end - deep.start).toBe(MIN_SPAN_MS);
    expect(deep.start).toBeLessThanOrEqual(noon);
    expect(deep.end).toBeGreaterThanOrEqual(noon);
    let wide = deep;
    for (let i = 0; i < 20; i++) wide = zoom(wide, 0.5, noon, day);
    expect(wide).toEqual(day);
  });

  it('pans inside the day only', () => {
    const day = berlinDay('2026-11-02');
    const hour = zoom(day, 24, day.start + 3_600_000, day);
    expect(pan(hour, -10 * 3_600_000, day).start).toBe(day.start);
    expect(pan(hour, 100 * 3_600_000, day).end).toBe(day.end);
    expect(pan(day, 3_600_000, day)).toEqual(day);
    const centred = centreOn(hour, at('2026-11-02T12:00:00Z'), day);
    expect((centred.start + centred.end) / 2).toBe(at('2026-11-02T12:00:00Z'));
  });

  it('labels minutes when zoomed in and hours when out', () => {
    const day = berlinDay('2026-11-02');
    const whole = ticks(day, 1200, 'Europe/Berlin');
    expect(whole.every((tick) => tick.label.endsWith(':00'))).toBe(true);
    const tenMinutes = { start: at('2026-11-02T13:30:00Z'), end: at('2026-11-02T13:40:00Z') };
    const close = ticks(tenMinutes, 1200, 'Europe/Berlin').map((tick) => tick.label);
    expect(close).toContain('14:31');
    expect(close).toContain('14:35');
    const oneMinute = { start: at('2026-11-02T13:30:00Z'), end: at('2026-11-02T13:31:00Z') };
    const seconds = ticks(oneMinute, 1200, 'Europe/Berlin').map((tick) => tick.label);
    expect(seconds).toContain('14:30:00');
    expect(seconds).toContain('14:30:30');
    expect(seconds.length).toBeGreaterThanOrEqual(4);
  });
});
