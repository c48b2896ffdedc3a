import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../lib/api/client';
import { localDate, parseDate } from '../../lib/time';
import { usePinTimeline } from './api/timeline';
import { ClipList } from './ClipList';
import { ContinuousPlayer, type PlayRequest } from './ContinuousPlayer';
import { DayControls } from './DayControls';
import { HoverPreview } from './HoverPreview';
import { Legend } from './Legend';
import { laneCount, place, targetAt, type Placed } from './playback';
import { centreOn, dayView, type View } from './scale';
import { TimelineBar, type BarRow } from './TimelineBar';
import type { Clip } from './api/timeline';

interface Props {
  mallId: string;
  pinId: string;
  pinName: string;
  /** The mall's IANA zone: the day, the labels and every time shown are in it. */
  zone: string;
  /** In and Out marked for an export (instants, ms), kept by whoever composes the page. */
  marks?: { in: number | null; out: number | null };
  onMark?: (which: 'in' | 'out', ms: number) => void;
  /** Drawn right under the bar, for the part of the day it shows (the activity strip). */
  belowBar?: (view: View) => ReactNode;
  /** Plays from this instant (ms) whenever `seq` changes (a motion hit clicked). */
  playAt?: { ms: number; seq: number } | null;
  /** Spans marked on the bar (motion search hits, ms). */
  highlights?: { start: number; end: number }[];
}

/** How often the URL follows the instant being played (a link sent reopens it). */
const URL_EVERY_MS = 2_000;

/**
 * The URL's parameters with these set (null removes one); the others (a motion search's) are kept.
 * It starts from the address as it is now, not as it was at the last render: the playing video
 * writes `t` every 2 s while a search panel writes its own parameters.
 */
function merged(changes: Record<string, string | null>) {
  return () => {
    const next = new URLSearchParams(window.location.search);
    for (const [name, value] of Object.entries(changes)) {
      if (value === null) next.delete(name);
      else next.set(name, value);
    }
    return next;
  };
}

/** The instant in `t`, when it is one. */
function instantParam(value: string | null): number | null {
  if (!value) return null;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? null : ms;
}

/**
 * A pin's day on a bar, in the mall's time zone: `?date=YYYY-MM-DD&t=<instant>` in the URL.
 * Clicking the bar (or "Go to time") plays the clip of that moment from that offset in the player
 * under it, which goes on into the following clips.
 */
export function TimelinePage({ mallId, pinId, pinName, zone, marks, onMark, belowBar, playAt, highlights }: Props) {
  const [params, setParams] = useSearchParams();
  const t = instantParam(params.get('t'));
  const date = parseDate(params.get('date') ?? '') ? params.get('date')! : localDate(t ?? Date.now(), zone);
  const timeline = usePinTimeline(mallId, pinId, date);
  const placed = useMemo(() => place(timeline.data?.clips ?? []), [timeline.data]);
  const day = useMemo(() => dayView(timeline.data, date, zone), [timeline.data, date, zone]);
  const [view, setView] = useState<View>(day);
  const [request, setRequest] = useState<PlayRequest | null>(null);
  const [playhead, setPlayhead] = useState<number | null>(t);
  const [message, setMessage] = useState('');
  const sequence = useRef(0);
  const lastUrl = useRef(0);
  const opened = useRef<string | null>(null);

  // a new day shows the whole day
  useEffect(() => {
    setView(day);
  }, [day]);

  const play = useCallback(
    (ms: number, start: boolean) => {
      const target = targetAt(placed, ms);
      if (!target) {
        setMessage('There is no playable footage after this moment on this day.');
        return;
      }
      setMessage('');
      sequence.current += 1;
      setRequest({ target, play: start, seq: sequence.current });
      const instant = target.clip.start + target.offset * 1000;
      setPlayhead(instant);
      setView((current) => (instant < current.start || instant > current.end ? centreOn(current, instant, day) : current));
      lastUrl.current = Date.now();
      setParams(merged({ date, t: new Date(instant).toISOString() }), { replace: true });
    },
    [placed, day, date, setParams],
  );

  // the URL's moment is opened once the day's clips are known (a reload reopens it, paused)
  useEffect(() => {
    if (!timeline.data || opened.current === date) return;
    opened.current = date;
    if (t !== null && t >= day.start && t < day.end) play(t, false);
  }, [timeline.data, date, t, day, play]);

  useEffect(() => {
    if (playAt && timeline.data) play(playAt.ms, true);
    // only a new request plays; the day's clips arriving later do not replay it
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [playAt?.seq, timeline.data !== undefined]);

  const onInstant = useCallback(
    (ms: number) => {
      setPlayhead(ms);
      if (Date.now() - lastUrl.current < URL_EVERY_MS) return;
      lastUrl.current = Date.now();
      setParams(merged({ date: localDate(ms, zone), t: new Date(ms).toISOString() }), { replace: true });
    },
    [setParams, zone],
  );

  const rows = useMemo<BarRow[]>(() => [{ key: pinId, placed, gaps: timeline.data?.gaps ?? [] }], [pinId, placed, timeline.data]);
  const notFound = timeline.error instanceof ApiError && timeline.error.status === 404;
  const data = timeline.data;

  return (
    <div className="timeline-page">
      <DayControls
        date={date}
        zone={zone}
        onDate={(next) => {
          opened.current = null;
          setRequest(null);
          setPlayhead(null);
          setParams(merged({ date: next, t: null }));
        }}
        onTime={(ms) => play(ms, true)}
      />
      {timeline.isPending && (
        <p role="status" className="muted">
          Loading the day…
        </p>
      )}
      {timeline.error && (
        <p role="alert" className="error">
          {notFound ? 'This pin does not exist or belongs to a mall you have no access to.' : timeline.error.message}
        </p>
      )}
      {data && (
        <>
          <p role="status" className="status-line">
            {summary(data.clips.length, data.gaps.length)}
            {laneCount(placed) > 1 && ` · overlapping clips in ${laneCount(placed)} lanes`}
            {data.untimed_count > 0 &&
              ` · ${data.untimed_count} ${data.untimed_count === 1 ? 'video has' : 'videos have'} no recording time and ${data.untimed_count === 1 ? 'is' : 'are'} not on the timeline`}
            {data.truncated && ' · more clips than can be drawn: only the first are shown'}
          </p>
          <TimelineBar
            label={`Timeline of ${pinName} on ${date}: ${data.clips.length} clips`}
            rows={rows}
            day={day}
            view={view}
            onView={setView}
            zone={zone}
            playhead={playhead}
            onPick={(ms) => play(ms, true)}
            renderHover={({ clip, ms }) => (clip ? <HoverPreview clip={clip} ms={ms} /> : null)}
            highlights={highlights}
          />
          {belowBar?.(view)}
          <Legend />
          <p className="muted" aria-live="polite">
            {message}
          </p>
          {request ? (
            <ContinuousPlayer
              placed={placed}
              zone={zone}
              pinName={pinName}
              request={request}
              onInstant={onInstant}
              marks={marks}
              onMark={onMark}
            />
          ) : (
            <p className="muted">Click the bar, or go to a time, to play the footage of that moment.</p>
          )}
          <ClipList placed={placed} zone={zone} onPlay={(item: Placed<Clip>) => play(item.start, true)} />
        </>
      )}
    </div>
  );
}

function summary(clips: number, gaps: number): string {
  if (clips === 0) return 'No footage on this day.';
  return `${clips} ${clips === 1 ? 'clip' : 'clips'}, ${gaps} ${gaps === 1 ? 'gap' : 'gaps'} without footage`;
}
