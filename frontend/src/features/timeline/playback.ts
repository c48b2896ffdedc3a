/**
 * What plays next on a pin's timeline: clips in order of start (overlapping ones too), the gap
 * that is skipped, the clip under an instant. Pure, so each decision is tested on its own.
 */
export interface Span {
  video_id: string;
  start: string;
  end: string;
  has_proxy: boolean;
}

export interface Placed<C extends Span> {
  clip: C;
  start: number;
  end: number;
  /** 0 for the first lane; overlapping clips go to the next free lane. */
  lane: number;
}

/** A break shorter than this is rounding between clips, not a gap (the server's tolerance). */
export const GAP_TOLERANCE_MS = 1_000;

/**
 * The clips with their times, in order of start, each in the first lane free at its start (a clip
 * that overlaps the one before by less than a second, as rounded lengths do, is not overlapping).
 */
export function place<C extends Span>(clips: C[]): Placed<C>[] {
  const placed = clips
    .map((clip) => ({ clip, start: new Date(clip.start).getTime(), end: new Date(clip.end).getTime(), lane: 0 }))
    .sort((a, b) => a.start - b.start || a.clip.video_id.localeCompare(b.clip.video_id));
  const laneEnds: number[] = [];
  for (const item of placed) {
    let lane = laneEnds.findIndex((end) => end <= item.start + GAP_TOLERANCE_MS);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = item.end;
    item.lane = lane;
  }
  return placed;
}

/** How many lanes the placed clips need (at least one). */
export function laneCount(placed: Placed<Span>[]): number {
  return placed.reduce((most, item) => Math.max(most, item.lane + 1), 1);
}

/** Only clips with a proxy can be played. */
function playable<C extends Span>(placed: Placed<C>[]): Placed<C>[] {
  return placed.filter((item) => item.clip.has_proxy);
}

export interface Target<C extends Span> {
  clip: Placed<C>;
  /** Seconds into the clip. */
  offset: number;
  /** Footage skipped to get there, in milliseconds (0 when none). */
  skippedMs: number;
}

/**
 * What plays at instant `ms`: the playable clip covering it (the latest started, when two do), or
 * else the next one after it, from its start, with the gap skipped. Null when nothing follows.
 */
export function targetAt<C extends Span>(placed: Placed<C>[], ms: number): Target<C> | null {
  const clips = playable(placed);
  const covering = clips.filter((item) => item.start <= ms && ms < item.end);
  if (covering.length > 0) {
    const clip = covering[covering.length - 1];
    return { clip, offset: (ms - clip.start) / 1000, skippedMs: 0 };
  }
  const next = clips.find((item) => item.start > ms);
  if (!next) return null;
  const skipped = next.start - ms;
  return { clip: next, offset: 0, skippedMs: skipped >= GAP_TOLERANCE_MS ? skipped : 0 };
}

/**
 * What follows when `current` ends: the next playable clip in order of start (an overlapping clip
 * started before the end too, from where the current one ended), with the gap skipped, if any.
 */
export function nextAfter<C extends Span>(placed: Placed<C>[], current: Placed<C>): Target<C> | null {
  const clips = playable(placed);
  const index = clips.findIndex((item) => item.clip.video_id === current.clip.video_id);
  const following = clips.slice(index + 1);
  const next = following.find((item) => item.end > current.end) ?? null;
  if (!next) return null;
  if (next.start < current.end) return { clip: next, offset: (current.end - next.start) / 1000, skippedMs: 0 };
  const skipped = next.start - current.end;
  return { clip: next, offset: 0, skippedMs: skipped >= GAP_TOLERANCE_MS ? skipped : 0 };
}

/**
 * Where a seek that ran past a clip's end (`overrun` > 0) or before its start (< 0) lands: the
 * same wall-clock moment when a neighbour covers it, else the neighbour's nearest edge. Null at
 * the ends of the day.
 */
export function crossInto<C extends Span>(placed: Placed<C>[], current: Placed<C>, overrunSeconds: number): Target<C> | null {
  const clips = playable(placed);
  const index = clips.findIndex((item) => item.clip.video_id === current.clip.video_id);
  if (overrunSeconds > 0) {
    const wanted = current.end + overrunSeconds * 1000;
    const following = clips.slice(index + 1).filter((item) => item.end > current.end);
    const covering = following.find((item) => item.start <= wanted && wanted < item.end);
    if (covering) return { clip: covering, offset: (wanted - covering.start) / 1000, skippedMs: 0 };
    const next = following.find((item) => item.start > wanted) ?? null;
    if (!next) return null;
    return { clip: next, offset: 0, skippedMs: next.start - wanted >= GAP_TOLERANCE_MS ? next.start - wanted : 0 };
  }
  const wanted = current.start + overrunSeconds * 1000;
  const before = clips.slice(0, Math.max(0, index)).filter((item) => item.start < current.start);
  const covering = [...before].reverse().find((item) => item.start <= wanted && wanted < item.end);
  if (covering) return { clip: covering, offset: (wanted - covering.start) / 1000, skippedMs: 0 };
  // in a gap: the nearer footage, the start of a clip after it or the end of the one before it
  const later = before.find((item) => item.start >= wanted) ?? null;
  const earlier = [...before].reverse().find((item) => item.end <= wanted) ?? null;
  if (later && (!earlier || later.start - wanted <= wanted - earlier.end)) return { clip: later, offset: 0, skippedMs: 0 };
  if (!earlier) return null;
  return { clip: earlier, offset: Math.max(0, (earlier.end - earlier.start) / 1000 - 0.1), skippedMs: 0 };
}

/** "12 min without footage skipped" (seconds below a minute, hours above an hour). */
export function skippedNotice(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s without footage skipped`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min without footage skipped`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `${hours} h${rest ? ` ${rest} min` : ''} without footage skipped`;
}
