import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { zonedTime } from '../../lib/time';
import type { Clip, Gap } from './api/timeline';
import { laneCount, type Placed } from './playback';
import { clamp, pan, ticks, timeToX, xToTime, zoom, ZOOM_STEP, type View } from './scale';

/** One row of the bar: a pin's clips (in as many lanes as they overlap) and its gaps. */
export interface BarRow {
  key: string;
  /** Shown at the row's start on the mall's bar; none on a pin's own bar. */
  label?: string;
  placed: Placed<Clip>[];
  gaps: Gap[];
}

export interface BarHover {
  ms: number;
  row: BarRow;
  clip: Placed<Clip> | null;
}

interface Props {
  /** Names the bar for screen readers. */
  label: string;
  rows: BarRow[];
  day: View;
  view: View;
  onView: (view: View) => void;
  zone: string;
  /** The instant on screen in the player; null when nothing plays. */
  playhead: number | null;
  /** A click (not a drag) at an instant of a row. */
  onPick: (ms: number, row: BarRow) => void;
  /** What the hover box shows under the time (the preview tile of that moment). */
  renderHover?: (hover: BarHover) => ReactNode;
  /** Spans marked above the first row, such as motion search hits (instants, ms). */
  highlights?: { start: number; end: number }[];
}

const AXIS = 26;
const LANE = 22;
const ROW_GAP = 8;
const LABEL = 130;
const DRAG_PX = 4;

const COLOURS = {
  axis: '#5b6472',
  grid: '#e3e6eb',
  gridMajor: '#c5cad3',
  gap: '#f3d9d9',
  gapLine: '#c96868',
  clip: '#2f6fd6',
  waiting: '#9aa7bb',
  failed: '#c0392b',
  playhead: '#e67e22',
  highlight: '#d97706',
  text: '#1d2430',
};

/** Rows and their lanes, from the top of the canvas. */
function layout(rows: BarRow[]) {
  let y = AXIS;
  return rows.map((row) => {
    const lanes = laneCount(row.placed);
    const top = y;
    y += lanes * LANE + ROW_GAP;
    return { row, top, lanes, height: lanes * LANE };
  });
}

export function barHeight(rows: BarRow[]): number {
  return rows.reduce((sum, row) => sum + laneCount(row.placed) * LANE + ROW_GAP, AXIS) + 4;
}

/**
 * The day bar, drawn on a canvas (a day of 1,440 clips, or 20 pins of them, is a few thousand
 * rectangles): recorded spans, gaps hatched, clips still processing grey and failed ones red, the
 * playhead. Zoom: buttons, Ctrl+wheel (and a trackpad's pinch), two-finger pinch, `+`/`-`; pan:
 * drag, wheel, ←/→ while focused. Labels follow the zoom, in the mall's zone.
 */
export function TimelineBar({ label, rows, day, view, onView, zone, playhead, onPick, renderHover, highlights }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [width, setWidth] = useState(0);
  const [hover, setHover] = useState<{ x: number; hover: BarHover } | null>(null);
  const pointers = useRef(new Map<number, number>());
  const gesture = useRef<{ x: number; view: View; moved: boolean; pinch?: { distance: number; view: View } } | null>(null);
  const hasLabels = rows.some((row) => row.label !== undefined);
  const left = hasLabels ? LABEL : 0;
  const plotWidth = Math.max(1, width - left);
  const height = barHeight(rows);
  const placedRows = useMemo(() => layout(rows), [rows]);

  useLayoutEffect(() => {
    const element = canvas.current;
    if (!element) return;
    setWidth(element.clientWidth);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // draw
  useEffect(() => {
    const element = canvas.current;
    if (!element || width === 0) return;
    const started = performance.now();
    const ratio = window.devicePixelRatio || 1;
    element.width = Math.round(width * ratio);
    element.height = Math.round(height * ratio);
    const context = element.getContext('2d');
    if (!context) return;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, height);
    context.font = '12px system-ui, sans-serif';
    context.textBaseline = 'middle';
    const x = (ms: number) => left + timeToX(view, plotWidth, ms);

    for (const tick of ticks(view, plotWidth, zone)) {
      const at = Math.round(x(tick.at)) + 0.5;
      context.strokeStyle = tick.major ? COLOURS.gridMajor : COLOURS.grid;
      context.beginPath();
      context.moveTo(at, AXIS - 6);
      context.lineTo(at, height);
      context.stroke();
      context.fillStyle = COLOURS.axis;
      context.fillText(tick.label, at + 3, AXIS / 2);
    }

    for (const { row, top, height: rowHeight } of placedRows) {
      if (row.label !== undefined) {
        context.fillStyle = COLOURS.text;
        const name = row.label.length > 18 ? `${row.label.slice(0, 17)}…` : row.label;
        context.fillText(name, 4, top + rowHeight / 2);
      }
      for (const gap of row.gaps) {
        const from = Math.max(left, x(new Date(gap.start).getTime()));
        const to = Math.min(width, x(new Date(gap.end).getTime()));
        if (to <= from) continue;
        context.fillStyle = COLOURS.gap;
        context.fillRect(from, top, to - from, rowHeight);
        context.strokeStyle = COLOURS.gapLine;
        context.save();
        context.beginPath();
        context.rect(from, top, to - from, rowHeight);
        context.clip();
        for (let hatch = from - rowHeight; hatch < to; hatch += 8) {
          context.moveTo(hatch, top + rowHeight);
          context.lineTo(hatch + rowHeight, top);
        }
        context.stroke();
        context.restore();
      }
      for (const item of row.placed) {
        if (item.end < view.start || item.start > view.end) continue;
        const from = Math.max(left, x(item.start));
        const to = Math.min(width, x(item.end));
        context.fillStyle =
          item.clip.processing_status === 'failed' ? COLOURS.failed : item.clip.has_proxy ? COLOURS.clip : COLOURS.waiting;
        // at least a pixel, with a hairline between neighbours so that consecutive clips read as clips
        context.fillRect(from, top + item.lane * LANE + 2, Math.max(2, to - from - (to - from > 3 ? 1 : 0)), LANE - 4);
      }
    }

    context.fillStyle = COLOURS.highlight;
    for (const span of highlights ?? []) {
      if (span.end < view.start || span.start > view.end) continue;
      const from = Math.max(left, x(span.start));
      context.fillRect(from - 1, AXIS - 6, Math.max(3, Math.min(width, x(span.end)) - from + 2), 5);
    }

    if (playhead !== null && playhead >= view.start && playhead <= view.end) {
      const at = Math.round(x(playhead)) + 0.5;
      context.strokeStyle = COLOURS.playhead;
      context.lineWidth = 2;
      context.beginPath();
      context.moveTo(at, AXIS - 8);
      context.lineTo(at, height);
      context.stroke();
      context.lineWidth = 1;
    }
    // read by bench/timeline-page-benchmark.sh
    performance.measure?.('timeline-draw', { start: started, end: performance.now() });
  }, [width, height, view, zone, placedRows, playhead, left, plotWidth, highlights]);

  const at = useCallback(
    (clientX: number, clientY: number): BarHover | null => {
      const box = canvas.current?.getBoundingClientRect();
      if (!box) return null;
      const px = clientX - box.left - left;
      if (px < 0 || px > plotWidth) return null;
      const ms = xToTime(view, plotWidth, px);
      const y = clientY - box.top;
      const found = placedRows.find((candidate) => y >= candidate.top - ROW_GAP / 2 && y < candidate.top + candidate.height + ROW_GAP / 2)
        ?? placedRows[0];
      if (!found) return null;
      const lane = Math.max(0, Math.min(found.lanes - 1, Math.floor((y - found.top) / LANE)));
      const covering = found.row.placed.filter((item) => item.start <= ms && ms < item.end);
      const clip = covering.find((item) => item.lane === lane) ?? covering[covering.length - 1] ?? null;
      return { ms, row: found.row, clip };
    },
    [left, plotWidth, view, placedRows],
  );

  // Ctrl+wheel (and a trackpad's pinch) zooms around the pointer; a plain wheel pans
  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      const box = element.getBoundingClientRect();
      const px = event.clientX - box.left - left;
      if (event.ctrlKey || event.metaKey) {
        event.preventDefault();
        const anchor = xToTime(view, plotWidth, Math.max(0, Math.min(plotWidth, px)));
        onView(zoom(view, Math.pow(ZOOM_STEP, -event.deltaY / 100), anchor, day));
      } else if (Math.abs(event.deltaX) > Math.abs(event.deltaY) || event.shiftKey) {
        event.preventDefault();
        const delta = (event.deltaX || event.deltaY) / plotWidth;
        onView(pan(view, delta * (view.end - view.start), day));
      }
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [view, day, onView, left, plotWidth]);

  const zoomBy = useCallback(
    (factor: number) => {
      const anchor = playhead !== null && playhead >= view.start && playhead <= view.end ? playhead : (view.start + view.end) / 2;
      onView(zoom(view, factor, anchor, day));
    },
    [playhead, view, day, onView],
  );

  // + and - zoom anywhere on the page but in a text field
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.target as HTMLElement | null)?.closest('input, textarea, select, [contenteditable=true]')) return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === '+' || event.key === '=') zoomBy(ZOOM_STEP);
      else if (event.key === '-' || event.key === '_') zoomBy(1 / ZOOM_STEP);
      else return;
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [zoomBy]);

  const span = view.end - view.start;
  return (
    <div className="timeline-bar">
      <div className="timeline-tools" role="group" aria-label="Zoom">
        <button type="button" className="secondary" onClick={() => zoomBy(ZOOM_STEP)} disabled={span <= 60_000}>
          Zoom in (+)
        </button>
        <button type="button" className="secondary" onClick={() => zoomBy(1 / ZOOM_STEP)} disabled={span >= day.end - day.start}>
          Zoom out (−)
        </button>
        <button type="button" className="secondary" onClick={() => onView(day)} disabled={span >= day.end - day.start}>
          Whole day
        </button>
        <span className="muted" aria-live="polite">
          {span >= day.end - day.start
            ? 'Showing the whole day'
            : `Showing ${zonedTime(view.start, zone, { seconds: span < 600_000 })} – ${zonedTime(view.end, zone, { seconds: span < 600_000 })}`}
        </span>
      </div>
      <div className="timeline-canvas-frame">
        <canvas
          ref={canvas}
          className="timeline-canvas"
          style={{ height }}
          tabIndex={0}
          role="img"
          aria-label={label}
          data-testid="timeline-canvas"
          data-view-start={Math.round(view.start)}
          data-view-end={Math.round(view.end)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
              event.preventDefault();
              event.stopPropagation();
              const share = event.shiftKey ? 0.5 : 0.1;
              onView(pan(view, (event.key === 'ArrowLeft' ? -share : share) * span, day));
            }
          }}
          onPointerDown={(event) => {
            pointers.current.set(event.pointerId, event.clientX);
            try {
              event.currentTarget.setPointerCapture?.(event.pointerId);
            } catch {
              // a pointer the browser no longer knows: the drag still works while over the bar
            }
            if (pointers.current.size === 2) {
              const [a, b] = [...pointers.current.values()];
              gesture.current = { x: event.clientX, view, moved: true, pinch: { distance: Math.abs(a - b) || 1, view } };
            } else {
              gesture.current = { x: event.clientX, view, moved: false };
            }
          }}
          onPointerMove={(event) => {
            const found = at(event.clientX, event.clientY);
            const box = event.currentTarget.getBoundingClientRect();
            setHover(found ? { x: event.clientX - box.left, hover: found } : null);
            if (!pointers.current.has(event.pointerId)) return;
            pointers.current.set(event.pointerId, event.clientX);
            const current = gesture.current;
            if (!current) return;
            if (current.pinch && pointers.current.size === 2) {
              const [a, b] = [...pointers.current.values()];
              const factor = (Math.abs(a - b) || 1) / current.pinch.distance;
              const centre = xToTime(current.pinch.view, plotWidth, (a + b) / 2 - box.left - left);
              onView(zoom(current.pinch.view, factor, centre, day));
              return;
            }
            const dx = event.clientX - current.x;
            if (Math.abs(dx) >= DRAG_PX) current.moved = true;
            if (current.moved) {
              onView(clamp(pan(current.view, (-dx / plotWidth) * (current.view.end - current.view.start), day), day));
            }
          }}
          onPointerUp={(event) => {
            pointers.current.delete(event.pointerId);
            const current = gesture.current;
            if (pointers.current.size === 0) gesture.current = null;
            if (current && !current.moved) {
              const found = at(event.clientX, event.clientY);
              if (found) onPick(found.ms, found.row);
            }
          }}
          onPointerCancel={(event) => {
            pointers.current.delete(event.pointerId);
            gesture.current = null;
          }}
          onPointerLeave={() => setHover(null)}
        />
        {hover && (
          <div
            className="timeline-hover"
            style={{ left: Math.min(Math.max(hover.x, 80), Math.max(80, width - 80)) }}
            aria-hidden="true"
            data-testid="timeline-hover"
          >
            <strong>{zonedTime(hover.hover.ms, zone)}</strong>
            {hover.hover.row.label && <span>{hover.hover.row.label}</span>}
            {hover.hover.clip ? (
              <>
                {renderHover?.(hover.hover)}
                <span className="muted">{hover.hover.clip.clip.filename}</span>
              </>
            ) : (
              <span className="muted">No footage</span>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
