import { dayBounds, wallClockOf, zonedTime } from '../../lib/time';

/**
 * The part of the day the bar shows, `[start, end)` in epoch milliseconds, inside the day's
 * bounds. Zooming keeps the instant under the pointer where it is; nothing leaves the day, and
 * the view is never shorter than a minute.
 */
export interface View {
  start: number;
  end: number;
}

export const MIN_SPAN_MS = 60_000;

/** The bar's whole day: the window the server answered for, or (until it answered) the zone's local day. */
export function dayView(answer: { from: string; to: string } | undefined, date: string, zone: string): View {
  if (answer) return { start: new Date(answer.from).getTime(), end: new Date(answer.to).getTime() };
  const [start, end] = dayBounds(date, zone);
  return { start, end };
}

/** How much one zoom step (a button, `+`/`-`, a wheel notch) narrows or widens the view. */
export const ZOOM_STEP = 2;

export function timeToX(view: View, width: number, ms: number): number {
  return ((ms - view.start) / (view.end - view.start)) * width;
}

export function xToTime(view: View, width: number, x: number): number {
  return view.start + (x / width) * (view.end - view.start);
}

/** The view zoomed by `factor` (> 1 closer, < 1 wider) around `anchor`, kept in `bounds`. */
export function zoom(view: View, factor: number, anchor: number, bounds: View): View {
  const full = bounds.end - bounds.start;
  const span = Math.min(full, Math.max(MIN_SPAN_MS, (view.end - view.start) / factor));
  const share = (anchor - view.start) / (view.end - view.start);
  return clamp({ start: anchor - share * span, end: anchor - share * span + span }, bounds);
}

/** The view moved by `deltaMs` (positive: later), kept in `bounds`. */
export function pan(view: View, deltaMs: number, bounds: View): View {
  return clamp({ start: view.start + deltaMs, end: view.end + deltaMs }, bounds);
}

/** The view of the same span centred on `ms`, kept in `bounds`. */
export function centreOn(view: View, ms: number, bounds: View): View {
  const span = view.end - view.start;
  return clamp({ start: ms - span / 2, end: ms + span / 2 }, bounds);
}

export function clamp(view: View, bounds: View): View {
  const span = Math.min(view.end - view.start, bounds.end - bounds.start);
  let start = Math.max(bounds.start, Math.min(view.start, bounds.end - span));
  if (!Number.isFinite(start)) start = bounds.start;
  return { start, end: start + span };
}

const MINUTE = 60_000;

/** Label steps, finest first: 5 seconds up to 6 hours. */
const STEPS = [5_000, 10_000, 15_000, 30_000, ...[1, 2, 5, 10, 15, 30, 60, 120, 180, 360].map((minutes) => minutes * MINUTE)];

export interface Tick {
  at: number;
  label: string;
  /** A whole hour: drawn stronger. */
  major: boolean;
}

/**
 * The labels of the bar: the finest step that leaves `minGapPx` between labels, on whole
 * wall-clock minutes of the zone (so a DST day's labels read 01:00, 03:00 … not 02:00 twice).
 */
export function ticks(view: View, width: number, zone: string, minGapPx = 70): Tick[] {
  const span = view.end - view.start;
  const step = STEPS.find((candidate) => (candidate / span) * width >= minGapPx) ?? STEPS[STEPS.length - 1];
  const found: Tick[] = [];
  if (step < MINUTE) {
    // seconds: every zone's offset is whole minutes, so the grid of instants is the grid of the wall clock
    for (let at = Math.ceil(view.start / step) * step; at <= view.end; at += step) {
      const wall = wallClockOf(at, zone);
      found.push({ at, label: zonedTime(at, zone, { zone: false }), major: wall.second === 0 });
    }
    return found;
  }
  const stepMinutes = step / MINUTE;
  // every whole minute instant is a candidate; walk whole minutes from the first in view
  let at = Math.ceil(view.start / MINUTE) * MINUTE;
  const last = view.end;
  // jump by the step while the wall clock stays on its grid; a DST jump re-aligns to the grid
  let guard = 0;
  while (at <= last && guard++ < 5000) {
    const wall = wallClockOf(at, zone);
    const minuteOfDay = wall.hour * 60 + wall.minute;
    if (minuteOfDay % stepMinutes === 0) {
      found.push({ at, label: zonedTime(at, zone, { seconds: false, zone: false }), major: wall.minute === 0 });
      at += step;
    } else {
      at += (stepMinutes - (minuteOfDay % stepMinutes)) * MINUTE;
    }
  }
  return found;
}
