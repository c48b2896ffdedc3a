import { useEffect, useRef, useState } from 'react';
import { stripBars } from './activity';

/**
 * The activity strip: a bar per pixel, as tall as the strongest change it covers, in the accent
 * colour where it reaches the sensitivity's threshold. `values` are per second (a video) or per
 * bucket (a window), null where there is no footage.
 */
export function ActivityStrip({ values, limit, label }: { values: (number | null)[]; limit: number; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.round(entry.contentRect.width)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  useEffect(() => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context || width === 0) return;
    const ratio = window.devicePixelRatio || 1;
    const height = 18;
    element.width = width * ratio;
    element.height = height * ratio;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, height);
    for (const bar of stripBars(values, width, limit)) {
      const tall = Math.max(1, Math.round(bar.height * height));
      context.fillStyle = bar.motion ? '#d97706' : '#9aa7b8';
      context.fillRect(bar.x, height - tall, Math.max(1, bar.width), tall);
    }
  }, [values, width, limit]);
  const moving = values.filter((value) => value !== null && value >= limit).length;
  return (
    <canvas
      ref={canvas}
      className="activity-strip"
      role="img"
      aria-label={`${label}: ${moving} ${values.length > 0 && moving === 1 ? 'part' : 'parts'} with motion at this sensitivity`}
      data-testid="activity-strip"
      data-motion={moving}
    />
  );
}
