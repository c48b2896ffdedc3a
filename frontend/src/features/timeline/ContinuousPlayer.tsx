import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Player, type PlayerLink } from '../../components/player';
import { fetchStreamLink } from '../../lib/api/stream-links';
import { zonedTime } from '../../lib/time';
import type { Clip } from './api/timeline';
import { crossInto, nextAfter, skippedNotice, type Placed, type Target } from './playback';

/** What the page asks to play; a new `seq` starts it again even at the same place. The page counts its own `seq`. */
export interface PlayRequest {
  target: Target<Clip>;
  play: boolean;
  seq: number;
  /** The speed to play at; the page leaves it out (the speed of the clip before is kept). */
  rate?: number;
}

interface Props {
  placed: Placed<Clip>[];
  zone: string;
  pinName: string;
  request: PlayRequest;
  /** The wall-clock instant of the frame on screen, as it plays. */
  onInstant: (ms: number) => void;
  /** In and Out marked for an export, as instants (ms); they may lie in other clips. */
  marks?: { in: number | null; out: number | null };
  /** I / O mark the instant of the frame on screen. */
  onMark?: (which: 'in' | 'out', ms: number) => void;
}

/** A link is reused while it has this long left; after that a new one is asked for. */
const LINK_MARGIN_MS = 5_000;

/** How long the notice of a skipped gap stays. */
const NOTICE_MS = 6_000;

/**
 * The review player of issue 11 playing a pin's day: at the end of a clip the next one starts by
 * itself (its link fetched and its video loaded ahead, in a hidden element), a gap is skipped with
 * a notice, the speed is kept, and the review keys cross into the neighbouring clip.
 */
export function ContinuousPlayer({ placed, zone, pinName, request, onInstant, marks, onMark }: Props) {
  // the page's requests and the player's own moves (next clip, gap, J/L across clips) are counted
  // apart: a page request is new when its seq differs from the last page request seen, however many
  // moves the player made in between; what plays carries the player's own count of starts as its
  // seq (`played`), the player's key
  const seen = useRef(request.seq);
  const played = useRef(0);
  const [current, setCurrent] = useState<PlayRequest>({ ...request, seq: 0 });
  const [notice, setNotice] = useState('');
  const [nextLink, setNextLink] = useState<PlayerLink | null>(null);
  const links = useRef(new Map<string, Promise<PlayerLink>>());
  const rate = useRef(1);
  const paused = useRef(true);

  useEffect(() => {
    if (request.seq !== seen.current) {
      seen.current = request.seq;
      played.current += 1;
      setCurrent({ ...request, seq: played.current, rate: rate.current });
      setNotice(request.target.skippedMs > 0 ? skippedNotice(request.target.skippedMs) : '');
    }
  }, [request]);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(''), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  /** The link fetched ahead while it has time left, else a new one. */
  const linkFor = useCallback((videoId: string) => {
    const fresh = () => {
      const promise = fetchStreamLink(videoId);
      links.current.set(videoId, promise);
      return promise;
    };
    const cached = links.current.get(videoId);
    if (!cached) return fresh();
    return cached.then(
      (link) => (new Date(link.expires_at).getTime() - Date.now() > LINK_MARGIN_MS ? link : fresh()),
      () => fresh(),
    );
  }, []);

  const clip = current.target.clip;
  const following = nextAfter(placed, clip);

  // the next clip's link and its first seconds, loaded while this one plays
  const followingId = following?.clip.clip.video_id;
  useEffect(() => {
    setNextLink(null);
    if (!followingId) return;
    let live = true;
    const promise = fetchStreamLink(followingId);
    links.current.set(followingId, promise);
    promise.then((link) => live && setNextLink(link)).catch(() => undefined);
    return () => {
      live = false;
    };
  }, [followingId]);

  const move = useCallback(
    (target: Target<Clip> | null, play: boolean) => {
      if (!target) {
        setNotice('No more footage of this pin on this day.');
        return;
      }
      played.current += 1;
      setCurrent({ target, play, seq: played.current, rate: rate.current });
      setNotice(target.skippedMs > 0 ? skippedNotice(target.skippedMs) : '');
    },
    [],
  );

  const onEnded = useCallback(() => move(nextAfter(placed, clip), true), [move, placed, clip]);
  const onOverrun = useCallback(
    (seconds: number) => move(crossInto(placed, clip, seconds), !paused.current),
    [move, placed, clip],
  );
  const onPosition = useCallback((seconds: number) => onInstant(clip.start + seconds * 1000), [onInstant, clip]);
  const fetchLink = useCallback(() => linkFor(clip.clip.video_id), [linkFor, clip]);
  const onClipMark = useCallback(
    (which: 'in' | 'out', seconds: number) => onMark?.(which, clip.start + seconds * 1000),
    [onMark, clip],
  );
  const clipMarks = useMemo(
    () =>
      marks && {
        in: marks.in === null ? null : (marks.in - clip.start) / 1000,
        out: marks.out === null ? null : (marks.out - clip.start) / 1000,
      },
    [marks, clip],
  );
  const onRateChange = useCallback((value: number) => {
    rate.current = value;
  }, []);
  const onPausedChange = useCallback((value: boolean) => {
    paused.current = value;
  }, []);

  return (
    <div className="continuous-player">
      <p className="clip-line">
        <span>
          Playing <strong>{clip.clip.filename}</strong> ({zonedTime(clip.start, zone)} – {zonedTime(clip.end, zone)})
        </span>{' '}
        <Link to={`/videos/${clip.clip.video_id}`}>Open this clip’s page</Link>
      </p>
      <Player
        key={`${clip.clip.video_id}-${current.seq}`}
        filename={clip.clip.filename}
        pinName={pinName}
        recordedAt={clip.clip.start}
        timeZone={zone}
        fetchLink={fetchLink}
        startAt={current.target.offset}
        autoPlay={current.play}
        initialRate={current.rate}
        onRateChange={onRateChange}
        onPausedChange={onPausedChange}
        onPosition={onPosition}
        onEnded={onEnded}
        onOverrun={onOverrun}
        marks={clipMarks}
        onMark={onMark ? onClipMark : undefined}
      />
      <p className="skip-notice" role="status" aria-live="polite">
        {notice}
      </p>
      {nextLink && <video className="preload" src={nextLink.url} preload="auto" muted aria-hidden="true" data-testid="next-clip-preload" />}
    </div>
  );
}
