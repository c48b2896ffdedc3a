/**
 * A motion search as the URL holds it, so that it can be sent as a link:
 * `?motion=x,y,w,h;x,y,w,h&sensitivity=50&min=1[&motion_from=…&motion_to=…]`, regions in the frame's
 * 0–1 coordinates, the window as instants (the timeline's day without it).
 */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface MotionQuery {
  regions: Rect[];
  sensitivity: number;
  minSeconds: number;
  /** A window of the analyst's own (instants, ISO-8601); null for the timeline's day. */
  from: string | null;
  to: string | null;
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;

export function writeQuery(query: MotionQuery, into: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(into);
  if (query.regions.length === 0) next.delete('motion');
  else next.set('motion', query.regions.map((r) => [r.x, r.y, r.width, r.height].map(round).join(',')).join(';'));
  next.set('sensitivity', String(query.sensitivity));
  next.set('min', String(query.minSeconds));
  for (const [name, value] of [['motion_from', query.from], ['motion_to', query.to]] as const) {
    if (value) next.set(name, value);
    else next.delete(name);
  }
  return next;
}

const instant = (value: string | null) => (value && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : null);

/** The search in the URL; regions that are not four numbers inside the frame are left out. */
export function readQuery(params: URLSearchParams): MotionQuery {
  const regions: Rect[] = [];
  for (const text of (params.get('motion') ?? '').split(';')) {
    const numbers = text.split(',').map(Number);
    if (numbers.length !== 4 || numbers.some((value) => !Number.isFinite(value))) continue;
    const [x, y, width, height] = numbers;
    if (x < 0 || y < 0 || width <= 0 || height <= 0 || x + width > 1.0001 || y + height > 1.0001) continue;
    regions.push({ x, y, width, height });
  }
  const sensitivity = Number(params.get('sensitivity'));
  const minSeconds = Number(params.get('min'));
  return {
    regions: regions.slice(0, 8),
    sensitivity: Number.isInteger(sensitivity) && sensitivity >= 1 && sensitivity <= 100 ? sensitivity : 50,
    minSeconds: Number.isInteger(minSeconds) && minSeconds >= 1 && minSeconds <= 3600 ? minSeconds : 1,
    from: instant(params.get('motion_from')),
    to: instant(params.get('motion_to')),
  };
}

/** The rectangle between two points of a drag (px within a box of `width` × `height`), in 0–1 of the box. */
export function rectBetween(a: { x: number; y: number }, b: { x: number; y: number }, width: number, height: number): Rect {
  const clampX = (value: number) => Math.min(width, Math.max(0, value));
  const clampY = (value: number) => Math.min(height, Math.max(0, value));
  const left = Math.min(clampX(a.x), clampX(b.x));
  const top = Math.min(clampY(a.y), clampY(b.y));
  const right = Math.max(clampX(a.x), clampX(b.x));
  const bottom = Math.max(clampY(a.y), clampY(b.y));
  return { x: round(left / width), y: round(top / height), width: round((right - left) / width), height: round((bottom - top) / height) };
}
