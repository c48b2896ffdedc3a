import { useCallback, useEffect, useRef, useState, type PointerEvent as ReactPointerEvent, type ReactNode } from 'react';
import type { components } from '../../lib/api/schema';
import { clock } from '../../lib/format';
import { zonedTime } from '../../lib/time';
import { KEY_HELP, nextSpeed, SPEEDS, type PlayerAction } from './keys';
import { useCaptionTrack } from './captions';
import { cueAt } from './previews';
import { saveSnapshot, snapshotName } from './snapshot';
import { useMediaState } from './use-media-state';
import { usePreviewCues } from './use-preview-cues';
import { useReviewKeys } from './use-review-keys';
import { useStreamLinks } from './use-stream-links';

export type PlayerLink = components['schemas']['StreamLink'];

interface Props {
  /** Names the player for screen readers and the snapshot's file. */
  filename: string;
  pinName: string;
  recordedAt: string | null | undefined;
  fetchLink: () => Promise<PlayerLink>;
  /** The position of the frame shown, for the metadata panel. */
  onPosition?: (seconds: number) => void;
  /** The mall's IANA zone: with a recording time, the wall clock of the frame is shown in it, to 0.1 s. */
  timeZone?: string;
  /** Where to start, in seconds, once the video can be played. */
  startAt?: number;
  /** Start playing at once (the timeline's next clip). */
  autoPlay?: boolean;
  /** The speed to start at (kept from clip to clip). */
  initialRate?: number;
  onRateChange?: (rate: number) => void;
  onPausedChange?: (paused: boolean) => void;
  /** The video played to its end. */
  onEnded?: () => void;
  /**
   * A review key asked for a position past the end (seconds past it, > 0) or before the start
   * (< 0): the timeline moves into the neighbouring clip. Without it the player stops at its ends.
   */
  onOverrun?: (seconds: number) => void;
  /** The In and Out marked for an export, in seconds of this video; shown on the seek bar. */
  marks?: Marks;
  /** I / O (and the Mark In / Mark Out buttons) mark the position of the frame shown; without it they do nothing. */
  onMark?: (which: 'in' | 'out', seconds: number) => void;
  /** Drawn right under the seek bar, as wide (the activity strip). */
  strip?: ReactNode;
  /**
   * N / Shift+N ("Next motion", "Previous motion"): where to jump from `position` (seconds), or null
   * when there is no motion that way; without it the keys do nothing.
   */
  onMotionJump?: (direction: 1 | -1, position: number) => number | null;
}

export interface Marks {
  in: number | null;
  out: number | null;
}

interface Hover {
  time: number;
  /** Where over the seek bar, 0–1. */
  at: number;
}

/**
 * The review player: our own controls on the proxy, review keys, scrub previews, links that renew
 * themselves. Shared: the video page embeds it, as the timeline and motion search will.
 */
export function Player({
  filename,
  pinName,
  recordedAt,
  fetchLink,
  onPosition,
  timeZone,
  startAt,
  autoPlay,
  initialRate,
  onRateChange,
  onPausedChange,
  onEnded,
  onOverrun,
  marks,
  onMark,
  strip,
  onMotionJump,
}: Props) {
  const first = useRef<HTMLVideoElement>(null);
  const second = useRef<HTMLVideoElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  const bar = useRef<HTMLDivElement>(null);
  const { active, link, message } = useStreamLinks([first, second], fetchLink);
  const element = active === 0 ? first.current : second.current;
  const { paused, time, duration, buffered, rate, volume, muted } = useMediaState(link ? element : null, onPosition, !!timeZone);
  useStartingPoint(link ? element : null, startAt, autoPlay, initialRate);
  useEffect(() => onRateChange?.(rate), [rate, onRateChange]);
  useEffect(() => onPausedChange?.(paused), [paused, onPausedChange]);
  useEffect(() => {
    if (!element || !onEnded) return;
    element.addEventListener('ended', onEnded);
    return () => element.removeEventListener('ended', onEnded);
  }, [element, onEnded]);
  const cues = usePreviewCues(link?.previews_url);
  const [help, setHelp] = useState(false);
  const [hover, setHover] = useState<Hover | null>(null);
  const [dragging, setDragging] = useState(false);
  const [said, setSaid] = useState('');
  /** One frame of the proxy, from the frame rate the server gives with the link. */
  const frameSeconds = link ? 1 / link.frame_rate : null;

  const run = useCallback(
    (action: PlayerAction) => {
      if (!element) return;
      const length = Number.isFinite(element.duration) ? element.duration : 0;
      const seekTo = (target: number) => {
        if (onOverrun && length > 0 && (target < 0 || target > length)) {
          onOverrun(target < 0 ? target : target - length);
          return;
        }
        element.currentTime = Math.min(Math.max(0, target), length || target);
      };
      switch (action.type) {
        case 'toggle-play':
          if (element.paused) void element.play().catch(() => undefined);
          else element.pause();
          break;
        case 'seek-by':
          seekTo(element.currentTime + action.seconds);
          break;
        case 'frame':
          if (frameSeconds === null) break;
          if (!element.paused) element.pause();
          // onto the frame grid first, then a whole frame on: rounding can never land on the same frame again
          seekTo(Math.round(element.currentTime / frameSeconds) * frameSeconds + action.frames * frameSeconds);
          break;
        case 'speed':
          element.playbackRate = nextSpeed(element.playbackRate, action.step);
          setSaid(`Speed ${element.playbackRate}×`);
          break;
        case 'fullscreen':
          if (document.fullscreenElement) void document.exitFullscreen();
          else void frame.current?.requestFullscreen?.();
          break;
        case 'mute':
          element.muted = !element.muted;
          break;
        case 'jump':
          element.currentTime = length * action.fraction;
          break;
        case 'mark':
          if (!onMark) break;
          onMark(action.which, element.currentTime);
          setSaid(`${action.which === 'in' ? 'In' : 'Out'} marked at ${clock(element.currentTime)}`);
          break;
        case 'motion': {
          if (!onMotionJump) break;
          const target = onMotionJump(action.direction, element.currentTime);
          if (target === null) {
            setSaid(action.direction === 1 ? 'No motion after this point at this sensitivity.' : 'No motion before this point at this sensitivity.');
          } else {
            element.currentTime = target;
            setSaid(`Motion at ${clock(target)}`);
          }
          break;
        }
        case 'help':
          setHelp((open) => !open);
          break;
      }
    },
    [element, frameSeconds, onOverrun, onMark, onMotionJump],
  );
  const closeHelp = useCallback(() => setHelp(false), []);
  useReviewKeys(run, help, closeHelp);

  const timeAt = (event: ReactPointerEvent) => {
    const box = bar.current?.getBoundingClientRect();
    if (!box || box.width === 0) return null;
    const at = Math.min(1, Math.max(0, (event.clientX - box.left) / box.width));
    return { at, time: at * duration };
  };

  const snapshot = () => {
    if (!element) return;
    const name = snapshotName(pinName, recordedAt, element.currentTime);
    saveSnapshot(element, name, () => setSaid(`Saved ${name}`));
  };

  const cue = hover ? cueAt(cues, hover.time) : null;
  const captions = useCaptionTrack(duration, pinName, recordedAt, timeZone);
  const frameInstant = recordedAt ? new Date(recordedAt).getTime() + time * 1000 : null;
  const label = `Video ${filename}`;
  return (
    <div className="review-player" ref={frame}>
      {/* a click on the picture plays or pauses for the mouse; the keyboard has Play/Pause and K */}
      <div className="screen" role="presentation" onClick={() => run({ type: 'toggle-play' })}>
        {[first, second].map((ref, index) => (
          <video
            key={index}
            ref={ref}
            className={index === active ? 'shown' : 'standby'}
            aria-label={index === active ? label : undefined}
            aria-hidden={index === active ? undefined : true}
            preload="auto"
            playsInline
          >
            <track kind="captions" srcLang="en" label="Pin and time" src={captions} />
          </video>
        ))}
        {message && (
          <p className="screen-message" role="status">
            {message}
          </p>
        )}
      </div>
      <div
        className="seek"
        ref={bar}
        onPointerMove={(event) => {
          const at = timeAt(event);
          if (!at) return;
          setHover(at);
          if (dragging) run({ type: 'jump', fraction: at.at });
        }}
        onPointerDown={(event) => {
          const at = timeAt(event);
          if (!at) return;
          setDragging(true);
          event.currentTarget.setPointerCapture?.(event.pointerId);
          run({ type: 'jump', fraction: at.at });
        }}
        onPointerUp={() => setDragging(false)}
        onPointerLeave={() => {
          if (!dragging) setHover(null);
        }}
      >
        <div className="seek-track" aria-hidden="true">
          {buffered.map(([start, end]) => (
            <span
              key={start}
              className="seek-buffered"
              style={{ left: `${(start / (duration || 1)) * 100}%`, width: `${((end - start) / (duration || 1)) * 100}%` }}
            />
          ))}
          <span className="seek-played" style={{ width: `${(time / (duration || 1)) * 100}%` }} />
          {marks && <MarkedRange marks={marks} duration={duration} />}
        </div>
        <input
          type="range"
          aria-label="Seek"
          min={0}
          max={duration || 0}
          step={frameSeconds ?? 'any'}
          value={time}
          aria-valuetext={`${clock(time)} of ${clock(duration)}`}
          onChange={(event) => {
            if (element) element.currentTime = Number(event.target.value);
          }}
        />
        {hover && (
          <div className="seek-preview" style={{ left: `${hover.at * 100}%` }} aria-hidden="true">
            {cue && (
              <div
                className="seek-tile"
                data-testid="preview-tile"
                style={{
                  width: cue.width,
                  height: cue.height,
                  backgroundImage: `url("${cue.image}")`,
                  backgroundPosition: `-${cue.x}px -${cue.y}px`,
                }}
              />
            )}
            <span>{clock(hover.time)}</span>
          </div>
        )}
      </div>
      {strip}
      <div className="controls">
        <button type="button" onClick={() => run({ type: 'toggle-play' })} aria-label={paused ? 'Play' : 'Pause'}>
          {paused ? '▶ Play' : '❚❚ Pause'}
        </button>
        <span className="time">
          {clock(time)} / {clock(duration)}
        </span>
        {timeZone && frameInstant !== null && !Number.isNaN(frameInstant) && (
          <span className="wall-clock" aria-label="Wall-clock time of the frame" data-testid="wall-clock">
            {zonedTime(frameInstant, timeZone, { tenths: true })}
          </span>
        )}
        <label className="speed">
          Playback speed
          <select
            value={String(rate)}
            onChange={(event) => {
              if (element) element.playbackRate = Number(event.target.value);
            }}
          >
            {SPEEDS.map((speed) => (
              <option key={speed} value={String(speed)}>
                {speed}×
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="secondary" onClick={() => run({ type: 'mute' })} aria-pressed={muted}>
          {muted ? 'Unmute' : 'Mute'}
        </button>
        <label className="volume">
          Volume
          <input
            type="range"
            min={0}
            max={1}
            step={0.05}
            value={muted ? 0 : volume}
            onChange={(event) => {
              if (!element) return;
              element.volume = Number(event.target.value);
              element.muted = element.volume === 0;
            }}
          />
        </label>
        <button type="button" className="secondary" onClick={snapshot}>
          Snapshot
        </button>
        {onMark && (
          <>
            <button type="button" className="secondary" onClick={() => run({ type: 'mark', which: 'in' })}>
              Mark In
            </button>
            <button type="button" className="secondary" onClick={() => run({ type: 'mark', which: 'out' })}>
              Mark Out
            </button>
          </>
        )}
        <button
          type="button"
          className="secondary"
          onClick={() => {
            if (!element) return;
            if (document.pictureInPictureElement) void document.exitPictureInPicture();
            else void element.requestPictureInPicture?.().catch(() => setSaid('Picture-in-picture is not available here.'));
          }}
        >
          Picture-in-picture
        </button>
        <button type="button" className="secondary" onClick={() => run({ type: 'fullscreen' })}>
          Fullscreen
        </button>
        <button type="button" className="secondary" onClick={() => setHelp((open) => !open)} aria-expanded={help}>
          Keyboard shortcuts (?)
        </button>
      </div>
      <p className="said" role="status" aria-live="polite">
        {said}
      </p>
      {help && (
        <div className="key-help card" role="dialog" aria-modal="false" aria-labelledby="key-help-title">
          <h2 id="key-help-title">Keyboard shortcuts</h2>
          <dl>
            {KEY_HELP.map((row) => (
              <div key={row.keys}>
                <dt>
                  <kbd>{row.keys}</kbd>
                </dt>
                <dd>{row.does}</dd>
              </div>
            ))}
          </dl>
          <button type="button" className="secondary" onClick={() => setHelp(false)}>
            Close
          </button>
        </div>
      )}
    </div>
  );
}

/** The marked part of the seek bar: from In to Out, or a tick where only one is marked. */
function MarkedRange({ marks, duration }: { marks: Marks; duration: number }) {
  if (!duration) return null;
  const at = (seconds: number) => `${Math.min(100, Math.max(0, (seconds / duration) * 100))}%`;
  if (marks.in !== null && marks.out !== null && marks.out > marks.in) {
    return <span className="seek-marked" data-testid="marked-range" style={{ left: at(marks.in), width: `calc(${at(marks.out)} - ${at(marks.in)})` }} />;
  }
  return (
    <>
      {marks.in !== null && <span className="seek-mark" style={{ left: at(marks.in) }} />}
      {marks.out !== null && <span className="seek-mark" style={{ left: at(marks.out) }} />}
    </>
  );
}

/**
 * Once the video can be played: to `startAt`, at `rate`, and playing when asked. Once per element
 * and link (a renewed link keeps its position through the keeper).
 */
function useStartingPoint(element: HTMLVideoElement | null, startAt: number | undefined, autoPlay: boolean | undefined, rate: number | undefined) {
  const done = useRef<HTMLVideoElement | null>(null);
  useEffect(() => {
    if (!element || done.current === element) return;
    const apply = () => {
      if (done.current === element) return;
      done.current = element;
      if (rate) element.playbackRate = rate;
      if (startAt && startAt > 0) element.currentTime = startAt;
      if (autoPlay) void element.play().catch(() => undefined);
    };
    if (element.readyState >= 1) apply();
    else element.addEventListener('loadedmetadata', apply, { once: true });
    return () => element.removeEventListener('loadedmetadata', apply);
  }, [element, startAt, autoPlay, rate]);
}
