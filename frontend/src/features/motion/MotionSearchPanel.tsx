import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { WallClockWindow } from '../../components/WallClockWindow';
import { dayBounds, wallClockInput, wallClockToInstant, zonedDateTime, zonedTime } from '../../lib/time';
import { searchMotion, usePinStill } from './api/motion';
import { HitTile } from './HitTile';
import { RegionDrawer } from './RegionDrawer';
import { readQuery, writeQuery, type MotionQuery, type Rect } from './search-params';

const FIELDS: { key: keyof Rect; label: string }[] = [
  { key: 'x', label: 'x' },
  { key: 'y', label: 'y' },
  { key: 'width', label: 'width' },
  { key: 'height', label: 'height' },
];

/**
 * "Search motion" on a pin's timeline: rectangles drawn on the camera's view (or typed), a
 * sensitivity and the shortest motion, over the day shown; the hits, each playing from 2 s before it.
 * The search lives in the URL, so it can be sent as a link.
 */
export function MotionSearchPanel({
  mallId,
  pinId,
  zone,
  date,
  onPlay,
  onHits,
}: {
  mallId: string;
  pinId: string;
  zone: string;
  date: string;
  onPlay: (ms: number) => void;
  /** The hits of the last search, for the timeline to mark (instants, ms). */
  onHits?: (spans: { start: number; end: number }[]) => void;
}) {
  const [params, setParams] = useSearchParams();
  const query = readQuery(params);
  const [open, setOpen] = useState(query.regions.length > 0);
  const still = usePinStill(mallId, pinId);
  const [dayFrom, dayTo] = dayBounds(date, zone);
  const from = query.from ? Date.parse(query.from) : dayFrom;
  const to = query.to ? Date.parse(query.to) : dayTo;
  // typed on the mall's clock; read when Search is pressed (a half-typed time is not a window)
  const [fromText, setFromText] = useState(() => wallClockInput(from, zone));
  const [toText, setToText] = useState(() => wallClockInput(to, zone));
  // another day on the timeline: the fields follow it, unless the search has a window of its own
  useEffect(() => {
    if (query.from || query.to) return;
    setFromText(wallClockInput(dayFrom, zone));
    setToText(wallClockInput(dayTo, zone));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [date, zone]);
  const search = useMutation({
    mutationFn: (current: MotionQuery) =>
      searchMotion(mallId, pinId, {
        from: current.from ?? new Date(dayFrom).toISOString(),
        to: current.to ?? new Date(dayTo).toISOString(),
        regions: current.regions,
        sensitivity: current.sensitivity,
        min_seconds: current.minSeconds,
      }),
    onSuccess: (found) => onHits?.(found.hits.map((hit) => ({ start: new Date(hit.start).getTime(), end: new Date(hit.end).getTime() }))),
  });
  // from the address as it is now: the timeline's player writes `t` into it while it plays
  const change = (next: MotionQuery) => setParams(() => writeQuery(next, new URLSearchParams(window.location.search)), { replace: true });
  const setRegion = (index: number, rect: Rect) => change({ ...query, regions: query.regions.map((one, i) => (i === index ? rect : one)) });

  if (!open) {
    return (
      <p>
        <button type="button" className="secondary" aria-expanded={false} onClick={() => setOpen(true)}>
          Search motion
        </button>
      </p>
    );
  }
  const result = search.data;
  return (
    <section aria-labelledby="motion-search-title" className="card motion-search">
      <h2 id="motion-search-title">Search motion</h2>
      <p className="muted">
        Draw one or more rectangles on the camera’s view (or add one and type its place, 0 to 1 from the top left corner). The search
        covers {query.from || query.to ? `${zonedDateTime(from, zone)} to ${zonedDateTime(to, zone)}` : `the day shown, ${date}`}.
      </p>
      <div className="motion-search-body">
        <RegionDrawer still={still.data ?? null} regions={query.regions} onDraw={(rect) => change({ ...query, regions: [...query.regions, rect].slice(0, 8) })} />
        <div className="motion-search-form">
          {query.regions.map((rect, index) => (
            <fieldset key={index} className="region-fields">
              <legend>Region {index + 1}</legend>
              {FIELDS.map(({ key, label }) => (
                <label key={key}>
                  {label}
                  <input
                    type="number"
                    min={0}
                    max={1}
                    step={0.01}
                    aria-label={`Region ${index + 1} ${label}`}
                    value={rect[key]}
                    onChange={(event) => setRegion(index, { ...rect, [key]: Number(event.target.value) })}
                  />
                </label>
              ))}
              <button type="button" className="link" onClick={() => change({ ...query, regions: query.regions.filter((_, i) => i !== index) })}>
                Remove region {index + 1}
              </button>
            </fieldset>
          ))}
          {query.regions.length < 8 && (
            <button type="button" className="secondary" onClick={() => change({ ...query, regions: [...query.regions, { x: 0.25, y: 0.25, width: 0.5, height: 0.5 }] })}>
              Add region
            </button>
          )}
          <label className="sensitivity">
            Sensitivity
            <input type="range" min={1} max={100} value={query.sensitivity} onChange={(event) => change({ ...query, sensitivity: Number(event.target.value) })} />
            <span>{query.sensitivity}</span>
          </label>
          <WallClockWindow zone={zone} from={fromText} to={toText} onFrom={setFromText} onTo={setToText}>
            {(query.from || query.to) && (
              <button
                type="button"
                className="link"
                onClick={() => {
                  setFromText(wallClockInput(dayFrom, zone));
                  setToText(wallClockInput(dayTo, zone));
                  change({ ...query, from: null, to: null });
                }}
              >
                Search the day shown
              </button>
            )}
          </WallClockWindow>
          <label>
            Shortest motion (seconds)
            <input type="number" min={1} max={3600} value={query.minSeconds} onChange={(event) => change({ ...query, minSeconds: Math.max(1, Number(event.target.value) || 1) })} />
          </label>
          <p>
            <button
              type="button"
              disabled={query.regions.length === 0 || search.isPending}
              onClick={() => {
                const typedFrom = wallClockToInstant(fromText, zone);
                const typedTo = wallClockToInstant(toText, zone);
                const ownWindow =
                  typedFrom !== null && typedTo !== null && (Date.parse(typedFrom) !== dayFrom || Date.parse(typedTo) !== dayTo);
                const next = { ...query, from: ownWindow ? typedFrom : null, to: ownWindow ? typedTo : null };
                change(next);
                search.mutate(next);
              }}
            >
              {search.isPending ? 'Searching…' : 'Search'}
            </button>
          </p>
        </div>
      </div>
      <div role="status" aria-live="polite">
        {search.error && <p className="error">{search.error.message}</p>}
        {result && (
          <p>
            {result.hits.length === 0
              ? 'No motion found here: try a larger region or a higher sensitivity.'
              : `${result.hits.length}${result.truncated ? '+' : ''} ${result.hits.length === 1 ? 'hit' : 'hits'} in ${result.scanned_seconds < 120 ? `${result.scanned_seconds} s` : `${Math.round(result.scanned_seconds / 60)} min`} of footage (${result.elapsed_ms} ms).`}
            {result.videos_without_index > 0 &&
              ` ${result.videos_without_index} ${result.videos_without_index === 1 ? 'clip has' : 'clips have'} no motion index yet: an admin can use “Build missing motion indexes”.`}
          </p>
        )}
      </div>
      {result && result.hits.length > 0 && (
        <ol className="motion-hits">
          {result.hits.map((hit) => {
            const start = new Date(hit.start).getTime();
            const seconds = Math.round((new Date(hit.end).getTime() - start) / 1000);
            return (
              <li key={`${hit.video_id}-${hit.start}`}>
                <HitTile videoId={hit.video_id} offset={hit.offset_seconds} />
                <button type="button" className="link" onClick={() => onPlay(start - 2000)}>
                  {zonedTime(start, zone)}
                </button>{' '}
                <span className="muted">
                  {seconds} s in {hit.filename}, strength {hit.peak}
                </span>
              </li>
            );
          })}
        </ol>
      )}
      <p>
        <button type="button" className="link" aria-expanded={true} onClick={() => setOpen(false)}>
          Close motion search
        </button>
      </p>
    </section>
  );
}
