/**
 * The arithmetic of activity (0–255 per second, or per bucket with null where there is no footage):
 * the sensitivity's threshold (the server's curve), the bars of a strip, and the next or previous
 * second with motion.
 */

/** Sensitivity 1–100 as the activity a second must reach, as the server counts it (4 at 100, 68 at 50, 255 at 1). */
export function threshold(sensitivity: number): number {
  const share = (100 - Math.min(100, Math.max(1, sensitivity))) / 99;
  return Math.round(4 + 251 * share * share);
}

export interface Bar {
  x: number;
  width: number;
  /** 0–1 of the strip's height. */
  height: number;
  /** Reaches the threshold: drawn as motion. */
  motion: boolean;
}

/**
 * The bars of a strip `width` px wide for `values` (one per second or bucket): several values per
 * pixel keep their strongest, so a one-second event is never lost at any width; nulls draw nothing.
 */
export function stripBars(values: (number | null)[], width: number, limit: number): Bar[] {
  if (values.length === 0 || width <= 0) return [];
  const columns = Math.max(1, Math.min(Math.floor(width), values.length));
  const perColumn = values.length / columns;
  const bars: Bar[] = [];
  for (let column = 0; column < columns; column++) {
    let strongest: number | null = null;
    const first = Math.floor(column * perColumn);
    const last = Math.max(first + 1, Math.floor((column + 1) * perColumn));
    for (let i = first; i < last && i < values.length; i++) {
      const value = values[i];
      if (value !== null && (strongest === null || value > strongest)) strongest = value;
    }
    if (strongest === null) continue;
    const x = (column * width) / columns;
    bars.push({ x, width: width / columns, height: strongest / 255, motion: strongest >= limit });
  }
  return bars;
}

/**
 * The second to jump to from `position` (seconds): the start of the next run of seconds reaching
 * `limit` after the current one (`direction` 1), or of the previous run (-1); null when there is none.
 */
export function motionJump(activity: number[], position: number, limit: number, direction: 1 | -1): number | null {
  const here = Math.floor(position);
  const moving = (second: number) => second >= 0 && second < activity.length && activity[second] >= limit;
  if (direction === 1) {
    let second = here + 1;
    // leave the run the position is in
    while (moving(second) && moving(second - 1)) second++;
    for (; second < activity.length; second++) if (moving(second) && !moving(second - 1)) return second;
    for (second = here + 1; second < activity.length; second++) if (moving(second)) return second;
    return null;
  }
  // the start of the run before the one the position is in (or of the current run when past its start)
  let second = here;
  if (moving(second) && position - second < 0.5) {
    while (moving(second - 1)) second--;
    second--;
  } else if (moving(second)) {
    while (moving(second - 1)) second--;
    return second < here || position - here >= 0.5 ? second : null;
  }
  for (; second >= 0; second--) {
    if (moving(second)) {
      while (moving(second - 1)) second--;
      return second;
    }
  }
  return null;
}
