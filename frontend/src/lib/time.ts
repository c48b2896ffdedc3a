/**
 * Times of a mall's footage, always in the mall's IANA time zone (never the browser's), with the
 * zone's abbreviation, DST-correct: the offset is looked up for each instant, never reused.
 * The API speaks instants (ISO-8601 UTC); everything here turns them into the mall's wall clock and back.
 */

const formats = new Map<string, Intl.DateTimeFormat>();

function format(zone: string, locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${zone}|${locale}|${JSON.stringify(options)}`;
  let found = formats.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, { timeZone: zone, ...options });
    formats.set(key, found);
  }
  return found;
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall clock of the zone at an instant. */
export function wallClockOf(ms: number, zone: string): WallClock {
  const parts = format(zone, 'en-US', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds. */
export function offsetAt(ms: number, zone: string): number {
  const wall = wallClockOf(ms, zone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return asUtc - (ms - (((ms % 1000) + 1000) % 1000));
}

/**
 * The instant at which the zone's wall clock shows the given time. A time that happens twice (the
 * hour repeated when DST ends) is its first; one that never happens (skipped when DST starts) is
 * moved forward by the jump, as clocks do.
 */
export function instantOf(wall: WallClock, zone: string): number {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const candidates = new Set<number>();
  for (const probe of [asUtc - 86_400_000, asUtc, asUtc + 86_400_000]) candidates.add(asUtc - offsetAt(probe, zone));
  const exact = [...candidates].filter((ms) => sameWall(wallClockOf(ms, zone), wall)).sort((a, b) => a - b);
  if (exact.length > 0) return exact[0];
  // skipped: the offset before the jump puts it after the jump
  return asUtc - offsetAt(asUtc - 86_400_000, zone);
}

function sameWall(a: WallClock, b: WallClock): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute && a.second === b.second;
}

/** `YYYY-MM-DD` as its parts; null when it is not a real day. */
export function parseDate(date: string): { year: number; month: number; day: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return { year, month, day };
}

/** The local day `YYYY-MM-DD` of the zone as `[start, end)` instants: 23, 24 or 25 hours. */
export function dayBounds(date: string, zone: string): [number, number] {
  const day = parseDate(date);
  if (!day) throw new Error(`Not a day: ${date}`);
  const next = new Date(Date.UTC(day.year, day.month - 1, day.day + 1));
  return [
    instantOf({ ...day, hour: 0, minute: 0, second: 0 }, zone),
    instantOf({ year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate(), hour: 0, minute: 0, second: 0 }, zone),
  ];
}

/** The zone's local day of an instant, `YYYY-MM-DD`. */
export function localDate(ms: number, zone: string): string {
  const wall = wallClockOf(ms, zone);
  return `${wall.year}-${pad(wall.month)}-${pad(wall.day)}`;
}

/** The day before or after `YYYY-MM-DD`. */
export function addDays(date: string, days: number): string {
  const day = parseDate(date);
  if (!day) return date;
  const moved = new Date(Date.UTC(day.year, day.month - 1, day.day + days));
  return `${moved.getUTCFullYear()}-${pad(moved.getUTCMonth() + 1)}-${pad(moved.getUTCDate())}`;
}

/** The zone's abbreviation at an instant: `CET`, `CEST`, `EST`, `UTC`, or `GMT+9` where it has none. */
export function zoneAbbreviation(ms: number, zone: string): string {
  const name = (locale: string) =>
    format(zone, locale, { timeZoneName: 'short' })
      .formatToParts(new Date(ms))
      .find((part) => part.type === 'timeZoneName')?.value ?? zone;
  const american = name('en-US');
  if (!american.startsWith('GMT')) return american;
  const british = name('en-GB');
  return british === 'GMT' && offsetAt(ms, zone) !== 0 ? american : british;
}

export interface TimeOptions {
  /** Show seconds (default true). */
  seconds?: boolean;
  /** Show tenths of a second. */
  tenths?: boolean;
  /** Show the abbreviation (default true). */
  zone?: boolean;
}

/** `14:32:05 CET` (or `14:32:05.3 CET`, `14:32 CET`) in the zone. */
export function zonedTime(instant: number | string, zone: string, options: TimeOptions = {}): string {
  const ms = typeof instant === 'number' ? instant : new Date(instant).getTime();
  if (Number.isNaN(ms)) return '—';
  const wall = wallClockOf(ms, zone);
  let text = `${pad(wall.hour)}:${pad(wall.minute)}`;
  if (options.seconds !== false) text += `:${pad(wall.second)}`;
  if (options.tenths) text += `.${Math.floor((((ms % 1000) + 1000) % 1000) / 100)}`;
  return options.zone === false ? text : `${text} ${zoneAbbreviation(ms, zone)}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2 Nov 2026, 14:32:05 CET` in the zone; a dash when unknown. */
export function zonedDateTime(instant: string | number | null | undefined, zone: string, options: TimeOptions = {}): string {
  if (instant === null || instant === undefined) return '—';
  const ms = typeof instant === 'number' ? instant : new Date(instant).getTime();
  if (Number.isNaN(ms)) return '—';
  const wall = wallClockOf(ms, zone);
  return `${wall.day} ${MONTHS[wall.month - 1]} ${wall.year}, ${zonedTime(ms, zone, options)}`;
}

/** `Sun 29 Mar 2026` for a day `YYYY-MM-DD`. */
export function formatDay(date: string): string {
  const day = parseDate(date);
  if (!day) return date;
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay()];
  return `${weekday} ${day.day} ${MONTHS[day.month - 1]} ${day.year}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * A `datetime-local` value (`YYYY-MM-DDTHH:MM` or `…:SS`) read on the zone's wall clock, as an
 * ISO-8601 instant; null when empty or not a time.
 */
export function wallClockToInstant(value: string, zone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(value);
  if (!match || !parseDate(`${match[1]}-${match[2]}-${match[3]}`)) return null;
  const [hour, minute, second] = [Number(match[4]), Number(match[5]), Number(match[6] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return null;
  const ms = instantOf({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]), hour, minute, second }, zone);
  return new Date(ms).toISOString();
}

/** An instant as a `datetime-local` value (`YYYY-MM-DDTHH:MM:SS`) on the zone's wall clock: the inverse of {@link wallClockToInstant}. */
export function wallClockInput(ms: number, zone: string): string {
  const wall = wallClockOf(ms, zone);
  return `${wall.year}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}`;
}
