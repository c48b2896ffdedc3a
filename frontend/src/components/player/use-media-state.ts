import { useEffect, useState } from 'react';

/** What the controls show of the element on screen. */
export interface MediaState {
  paused: boolean;
  time: number;
  duration: number;
  buffered: [number, number][];
  rate: number;
  volume: number;
  muted: boolean;
}

const NOTHING: MediaState = { paused: true, time: 0, duration: 0, buffered: [], rate: 1, volume: 1, muted: false };

const EVENTS = ['timeupdate', 'play', 'pause', 'ratechange', 'volumechange', 'durationchange', 'progress', 'seeked', 'loadedmetadata'];

/** The state of the element on screen, read again on each of its events; the hidden one is being prepared. */
export function useMediaState(
  element: HTMLVideoElement | null,
  onPosition?: (seconds: number) => void,
  /** Read the position every tenth of a second while playing, not only on the element's (4 a second) events. */
  tenths = false,
): MediaState {
  const [state, setState] = useState<MediaState>(NOTHING);
  useEffect(() => {
    if (!element || !tenths) return;
    let frame = 0;
    let shown = -1;
    const tick = () => {
      const tenth = Math.floor(element.currentTime * 10);
      if (!element.paused && tenth !== shown) {
        shown = tenth;
        setState((before) => ({ ...before, time: element.currentTime }));
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [element, tenths]);
  useEffect(() => {
    if (!element) return;
    const update = () => {
      const buffered: [number, number][] = [];
      for (let i = 0; i < element.buffered.length; i++) buffered.push([element.buffered.start(i), element.buffered.end(i)]);
      setState((before) => ({
        paused: element.paused,
        time: element.currentTime,
        duration: Number.isFinite(element.duration) ? element.duration : before.duration,
        buffered,
        rate: element.playbackRate,
        volume: element.volume,
        muted: element.muted,
      }));
      onPosition?.(element.currentTime);
    };
    EVENTS.forEach((type) => element.addEventListener(type, update));
    update();
    return () => EVENTS.forEach((type) => element.removeEventListener(type, update));
  }, [element, onPosition]);
  return state;
}
