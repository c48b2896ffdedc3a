import { useCallback, useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { clock } from '../video-status';
import { actionFor, FRAME_SECONDS, KEY_HELP, nextSpeed, SPEEDS, type PlayerAction } from './keys';
import { LinkKeeper, type StreamLink } from './link-keeper';
import { cueAt, parsePreviews, type PreviewCue } from './previews';

interface Props {
  /** Names the player for screen readers and the snapshot's file. */
  filename: string;
  pinName: string;
  recordedAt: string | null | undefined;
  fetchLink: () => Promise<StreamLink>;
  /** The wall-clock time of the frame shown, for the metadata panel. */
  onPosition?: (seconds: number) => void;
}

interface Hover {
  time: number;
  /** Where over the seek bar, 0–1. */
  at: number;
}

/** The review player: our own controls on the proxy, review keys, scrub previews, links that renew themselves. */
export function Player({ filename, pinName, recordedAt, fetchLink, onPosition }: Props) {
  const first = useRef<HTMLVideoElement>(null);
  const second = useRef<HTMLVideoElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  const bar = useRef<HTMLDivElement>(null);
  const keeper = useRef<LinkKeeper | null>(null);
  const [active, setActive] = useState(0);
  const [link, setLink] = useState<StreamLink | null>(null);
  const [message, setMessage] = useState('');
  const [paused, setPaused] = useState(true);
  const [time, setTime] = useState(0);
  const [duration, setDuration] = useState(0);
  const [buffered, setBuffered] = useState<[number, number][]>([]);
  const [rate, setRate] = useState(1);
  const [volume, setVolume] = useState(1);
  const [muted, setMuted] = useState(false);
  const [help, setHelp] = useState(false);
  const [hover, setHover] = useState<Hover | null>(null);
  const [dragging, setDragging] = useState(false);
  const [cues, setCues] = useState<PreviewCue[]>([]);
  const [said, setSaid] = useState('');

  const media = useCallback((): HTMLVideoElement | null => (active === 0 ? first.current : second.current), [active]);

  useEffect(() => {
    if (!first.current || !second.current) return;
    const keep = new LinkKeeper([first.current, second.current], fetchLink, (state) => {
      setActive(state.active);
      if (state.link) setLink(state.link);
      setMessage(state.message);
    });
    keeper.current = keep;
    keep.start().catch((error: unknown) => setMessage(error instanceof Error ? error.message : 'The video cannot be played.'));
    return () => keep.stop();
  }, [fetchLink]);

  // the previews' links expire with the stream's: read the cues again with each new link
  useEffect(() => {
    if (!link?.previews_url) return;
    let current = true;
    fetch(link.previews_url)
      .then((response) => (response.ok ? response.text() : ''))
      .then((text) => current && setCues(parsePreviews(text)))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [link?.previews_url]);

  // the element on screen reports; the hidden one is being prepared
  useEffect(() => {
    const element = media();
    if (!element) return;
    const update = () => {
      setPaused(element.paused);
      setTime(element.currentTime);
      onPosition?.(element.currentTime);
      if (Number.isFinite(element.duration)) setDuration(element.duration);
      setRate(element.playbackRate);
      setVolume(element.volume);
      setMuted(element.muted);
      const ranges: [number, number][] = [];
      for (let i = 0; i < element.buffered.length; i++) ranges.push([element.buffered.start(i), element.buffered.end(i)]);
      setBuffered(ranges);
    };
    const events = ['timeupdate', 'play', 'pause', 'ratechange', 'volumechange', 'durationchange', 'progress', 'seeked', 'loadedmetadata'];
    events.forEach((type) => element.addEventListener(type, update));
    update();
    return () => events.forEach((type) => element.removeEventListener(type, update));
  }, [media, onPosition]);

  const run = useCallback(
    (action: PlayerAction) => {
      const element = media();
      if (!element) return;
      const length = Number.isFinite(element.duration) ? element.duration : 0;
      const seekTo = (target: number) => {
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
          if (!element.paused) element.pause();
          // the middle of the next frame, so that rounding never lands on the same one
          seekTo(Math.round(element.currentTime / FRAME_SECONDS) * FRAME_SECONDS + action.frames * FRAME_SECONDS);
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
          seekTo(length * action.fraction);
          break;
        case 'help':
          setHelp((open) => !open);
          break;
      }
    },
    [media],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      // text fields and the volume slider keep their keys; the speed list keeps those that operate it;
      // anywhere else (the seek bar too) the review keys work
      if (target?.closest('input:not([aria-label="Seek"]), textarea, [contenteditable=true]')) return;
      if (target?.closest('select') && [' ', 'Enter', 'ArrowUp', 'ArrowDown'].includes(event.key)) return;
      if (help && event.key === 'Escape') {
        setHelp(false);
        return;
      }
      const action = actionFor(event);
      if (!action) return;
      event.preventDefault();
      run(action);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [run, help]);

  const timeAt = (event: ReactPointerEvent) => {
    const box = bar.current?.getBoundingClientRect();
    if (!box || box.width === 0) return null;
    const at = Math.min(1, Math.max(0, (event.clientX - box.left) / box.width));
    return { at, time: at * duration };
  };

  const snapshot = () => {
    const element = media();
    if (!element || !element.videoWidth) return;
    const canvas = document.createElement('canvas');
    canvas.width = element.videoWidth;
    canvas.height = element.videoHeight;
    canvas.getContext('2d')?.drawImage(element, 0, 0);
    const name = `${safe(pinName)}-${safe(wallClock(recordedAt, element.currentTime) ?? `${element.currentTime.toFixed(1)}s`)}.png`;
    canvas.toBlob((blob) => {
      if (!blob) return;
      const url = URL.createObjectURL(blob);
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.download = name;
      anchor.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setSaid(`Saved ${name}`);
    }, 'image/png');
  };

  const cue = hover ? cueAt(cues, hover.time) : null;
  const label = `Video ${filename}`;
  return (
    <div className="review-player" ref={frame}>
      <div className="screen" onClick={() => run({ type: 'toggle-play' })}>
        {[first, second].map((ref, index) => (
          <video
            key={index}
            ref={ref}
            className={index === active ? 'shown' : 'standby'}
            aria-label={index === active ? label : undefined}
            aria-hidden={index === active ? undefined : true}
            preload="auto"
            playsInline
          />
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
        </div>
        <input
          type="range"
          aria-label="Seek"
          min={0}
          max={duration || 0}
          step={FRAME_SECONDS}
          value={time}
          aria-valuetext={`${clock(time)} of ${clock(duration)}`}
          onChange={(event) => {
            const element = media();
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
      <div className="controls">
        <button type="button" onClick={() => run({ type: 'toggle-play' })} aria-label={paused ? 'Play' : 'Pause'}>
          {paused ? '▶ Play' : '❚❚ Pause'}
        </button>
        <span className="time">
          {clock(time)} / {clock(duration)}
        </span>
        <label className="speed">
          Playback speed
          <select
            value={String(rate)}
            onChange={(event) => {
              const element = media();
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
              const element = media();
              if (!element) return;
              element.volume = Number(event.target.value);
              element.muted = element.volume === 0;
            }}
          />
        </label>
        <button type="button" className="secondary" onClick={snapshot}>
          Snapshot
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            const element = media();
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

/** The wall-clock time of a position: when it was recorded plus how far in; null when the recording time is unknown. */
export function wallClock(recordedAt: string | null | undefined, seconds: number): string | null {
  if (!recordedAt) return null;
  const start = new Date(recordedAt).getTime();
  if (Number.isNaN(start)) return null;
  return new Date(start + Math.round(seconds * 1000)).toISOString();
}

function safe(text: string): string {
  return text.replace(/[^\p{L}\p{N}._-]+/gu, '_');
}
