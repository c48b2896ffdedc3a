import { useRef, useState, type PointerEvent } from 'react';
import { rectBetween, type Rect } from './search-params';

/**
 * A still of the camera with the search's rectangles on it: drag (mouse, pen or touch) to draw one;
 * the rectangles are kept in the frame's 0–1 coordinates, whatever size the still is shown at.
 */
export function RegionDrawer({ still, regions, onDraw }: { still: string | null; regions: Rect[]; onDraw: (rect: Rect) => void }) {
  const box = useRef<HTMLDivElement>(null);
  const [start, setStart] = useState<{ x: number; y: number } | null>(null);
  const [drag, setDrag] = useState<Rect | null>(null);
  const point = (event: PointerEvent) => {
    const bounds = box.current!.getBoundingClientRect();
    return { x: event.clientX - bounds.left, y: event.clientY - bounds.top, width: bounds.width, height: bounds.height };
  };
  const shown = drag ? [...regions, drag] : regions;
  return (
    <div
      ref={box}
      className="region-drawer"
      data-testid="region-drawer"
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture?.(event.pointerId);
        const at = point(event);
        setStart({ x: at.x, y: at.y });
      }}
      onPointerMove={(event) => {
        if (!start) return;
        const at = point(event);
        setDrag(rectBetween(start, at, at.width, at.height));
      }}
      onPointerUp={(event) => {
        if (!start) return;
        const at = point(event);
        const rect = rectBetween(start, at, at.width, at.height);
        setStart(null);
        setDrag(null);
        if (rect.width > 0.005 && rect.height > 0.005) onDraw(rect);
      }}
    >
      {still ? <img src={still} alt="The camera's view, to draw search regions on" draggable={false} /> : <div className="region-blank">No still of this camera yet</div>}
      {shown.map((rect, index) => (
        <span
          key={index}
          className="region-rect"
          aria-hidden="true"
          style={{ left: `${rect.x * 100}%`, top: `${rect.y * 100}%`, width: `${rect.width * 100}%`, height: `${rect.height * 100}%` }}
        >
          {index < regions.length ? index + 1 : ''}
        </span>
      ))}
    </div>
  );
}
