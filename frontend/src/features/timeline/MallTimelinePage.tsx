import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../lib/api/client';
import { localDate, parseDate } from '../../lib/time';
import { useMallTimeline } from './api/timeline';
import { DayControls } from './DayControls';
import { Legend } from './Legend';
import { place } from './playback';
import { dayView, type View } from './scale';
import { TimelineBar, type BarRow } from './TimelineBar';

/**
 * A mall's day, one lane per pin, in the mall's time zone (`?date=YYYY-MM-DD`). Clicking a lane
 * opens that pin's timeline at that moment, playing.
 */
export function MallTimelinePage({ mallId, mallName, zone }: { mallId: string; mallName: string; zone: string }) {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const date = parseDate(params.get('date') ?? '') ? params.get('date')! : localDate(Date.now(), zone);
  const timeline = useMallTimeline(mallId, date);
  const day = useMemo(() => dayView(timeline.data, date, zone), [timeline.data, date, zone]);
  const [view, setView] = useState<View>(day);
  useEffect(() => setView(day), [day]);
  const rows = useMemo<BarRow[]>(
    () => (timeline.data?.pins ?? []).map((lane) => ({ key: lane.pin_id, label: lane.name, placed: place(lane.clips), gaps: lane.gaps })),
    [timeline.data],
  );
  const open = (ms: number, pinId: string) =>
    void navigate(`/malls/${mallId}/pins/${pinId}/timeline?date=${date}&t=${encodeURIComponent(new Date(ms).toISOString())}`);
  const clips = rows.reduce((sum, row) => sum + row.placed.length, 0);

  return (
    <div className="timeline-page">
      <DayControls date={date} zone={zone} onDate={(next) => setParams({ date: next })} onTime={(ms) => setView(centre(ms, view, day))} />
      {timeline.isPending && (
        <p role="status" className="muted">
          Loading the day…
        </p>
      )}
      {timeline.error && (
        <p role="alert" className="error">
          {timeline.error instanceof ApiError && timeline.error.status === 404
            ? 'This mall does not exist or you have no access to it.'
            : timeline.error.message}
        </p>
      )}
      {timeline.data && (
        <>
          <p role="status" className="status-line">
            {rows.length === 0 ? 'This mall has no pins yet.' : `${rows.length} ${rows.length === 1 ? 'pin' : 'pins'}, ${clips} clips on this day`}
          </p>
          {rows.length > 0 && (
            <TimelineBar
              label={`Timeline of ${mallName} on ${date}: ${rows.length} pins, ${clips} clips`}
              rows={rows}
              day={day}
              view={view}
              onView={setView}
              zone={zone}
              playhead={null}
              onPick={(ms, row) => open(ms, row.key)}
            />
          )}
          <Legend />
          <p className="muted">Click a pin’s lane to open its timeline at that moment.</p>
        </>
      )}
    </div>
  );
}

/** "Go to time" on the mall's bar: an hour around it. */
function centre(ms: number, view: View, day: View): View {
  const span = Math.min(view.end - view.start, 3_600_000);
  const start = Math.max(day.start, Math.min(ms - span / 2, day.end - span));
  return { start, end: start + span };
}
