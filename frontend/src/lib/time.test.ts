import { describe, expect, it } from 'vitest';
import { addDays, dayBounds, wallClockToInstant, instantOf, localDate, offsetAt, zonedDateTime, zonedTime, zoneAbbreviation } from './time';

const at = (iso: string) => new Date(iso).getTime();
const hours = (bounds: [number, number]) => (bounds[1] - bounds[0]) / 3_600_000;

describe('mall time zones', () => {
  it('shows the wall clock of the mall with its abbreviation, not the browser’s', () => {
    expect(zonedTime('2026-01-15T13:32:05Z', 'Europe/Berlin')).toBe('14:32:05 CET');
    expect(zonedTime('2026-07-15T12:32:05Z', 'Europe/Berlin')).toBe('14:32:05 CEST');
    expect(zonedTime('2026-01-15T19:32:05Z', 'America/New_York')).toBe('14:32:05 EST');
    expect(zonedTime('2026-01-15T14:32:05Z', 'UTC')).toBe('14:32:05 UTC');
    expect(zonedTime('2026-01-15T05:32:05Z', 'Asia/Tokyo')).toBe('14:32:05 GMT+9');
    expect(zonedTime(at('2026-01-15T13:32:05.37Z'), 'Europe/Berlin', { tenths: true })).toBe('14:32:05.3 CET');
    expect(zonedDateTime('2026-11-02T13:32:05Z', 'Europe/Berlin')).toBe('2 Nov 2026, 14:32:05 CET');
    expect(zonedDateTime(null, 'UTC')).toBe('—');
  });

  it('has days of 23 and 25 hours where DST starts and ends', () => {
    expect(hours(dayBounds('2026-03-29', 'Europe/Berlin'))).toBe(23);
    expect(hours(dayBounds('2026-10-25', 'Europe/Berlin'))).toBe(25);
    expect(hours(dayBounds('2026-11-02', 'Europe/Berlin'))).toBe(24);
    expect(dayBounds('2026-03-29', 'Europe/Berlin')).toEqual([at('2026-03-28T23:00:00Z'), at('2026-03-29T22:00:00Z')]);
    expect(hours(dayBounds('2026-03-08', 'America/New_York'))).toBe(23);
    expect(hours(dayBounds('2026-11-01', 'America/New_York'))).toBe(25);
    expect(dayBounds('2026-11-01', 'America/New_York')).toEqual([at('2026-11-01T04:00:00Z'), at('2026-11-02T05:00:00Z')]);
  });

  it('uses the offset of each instant, not of today', () => {
    expect(offsetAt(at('2026-01-15T12:00:00Z'), 'Europe/Berlin')).toBe(3_600_000);
    expect(offsetAt(at('2026-07-15T12:00:00Z'), 'Europe/Berlin')).toBe(7_200_000);
    expect(zoneAbbreviation(at('2026-10-25T00:30:00Z'), 'Europe/Berlin')).toBe('CEST');
    expect(zoneAbbreviation(at('2026-10-25T01:30:00Z'), 'Europe/Berlin')).toBe('CET');
  });

  it('turns a wall clock into its instant: a repeated time is the first, a skipped one moves forward', () => {
    const wall = { year: 2026, month: 11, day: 2, hour: 14, minute: 32, second: 5 };
    expect(instantOf(wall, 'Europe/Berlin')).toBe(at('2026-11-02T13:32:05Z'));
    expect(instantOf({ ...wall, month: 10, day: 25, hour: 2, minute: 30, second: 0 }, 'Europe/Berlin')).toBe(at('2026-10-25T00:30:00Z'));
    expect(instantOf({ ...wall, month: 3, day: 29, hour: 2, minute: 30, second: 0 }, 'Europe/Berlin')).toBe(at('2026-03-29T01:30:00Z'));
  });

  it('knows the local day of an instant and the days around it', () => {
    expect(localDate(at('2026-11-01T23:30:00Z'), 'Europe/Berlin')).toBe('2026-11-02');
    expect(localDate(at('2026-11-01T23:30:00Z'), 'America/New_York')).toBe('2026-11-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('reads a typed "Recorded at" on the mall’s wall clock, not the browser’s', () => {
    expect(wallClockToInstant('2026-11-30T08:15', 'Europe/Berlin')).toBe('2026-11-30T07:15:00.000Z');
    expect(wallClockToInstant('2026-07-01T08:15:30', 'Europe/Berlin')).toBe('2026-07-01T06:15:30.000Z');
    expect(wallClockToInstant('2026-11-30T08:15', 'America/New_York')).toBe('2026-11-30T13:15:00.000Z');
    expect(wallClockToInstant('', 'UTC')).toBeNull();
    expect(wallClockToInstant('2026-02-30T08:15', 'UTC')).toBeNull();
  });
});
