import { useCallback, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { ApiError } from '../../lib/api/client';
import { formatBytes } from '../../lib/format';
import { localDate, zonedDateTime } from '../../lib/time';
import { may } from '../../lib/authorization';
import { fetchStreamLink } from '../../lib/api/stream-links';
import { useJobProgress, useReprocessVideo, useVideo } from './api/videos';
import { Player, wallClock, type Marks } from '../../components/player';
import { clock } from '../../lib/format';
import { videoStatus } from './video-status';

/**
 * The player page: the review player once the proxy is made, what is happening until then, and the
 * metadata. `marks` and `onMark` (an export's In and Out) are kept by whoever composes the page.
 */
export function VideoDetailsPage({
  videoId,
  marks,
  onMark,
  strip,
  onMotionJump,
}: {
  videoId: string;
  marks?: Marks;
  onMark?: (which: 'in' | 'out', seconds: number) => void;
  /** Under the player's seek bar (the activity strip), and where N / Shift+N jump. */
  strip?: ReactNode;
  onMotionJump?: (direction: 1 | -1, position: number) => number | null;
}) {
  const video = useVideo(videoId);
  const [position, setPosition] = useState(0);
  const fetchLink = useCallback(() => fetchStreamLink(videoId), [videoId]);
  const v = video.data;
  const waiting = !!v && v.upload_status === 'uploaded' && ['pending', 'queued'].includes(v.processing_status);
  const running = !!v && v.upload_status === 'uploaded' && v.processing_status === 'running';
  const job = useJobProgress(v?.processing_job_id, running);
  const reprocess = useReprocessVideo();
  const mayChange = may('changeVideos');

  if (video.error) {
    const notFound = video.error instanceof ApiError && (video.error.status === 404 || video.error.status === 400);
    return (
      <section aria-labelledby="video-title">
        <h1 id="video-title">{notFound ? 'Video not found' : 'The video could not be loaded'}</h1>
        <p role="alert">
          {notFound ? 'This video does not exist, was deleted, or belongs to a mall you have no access to.' : (video.error).message}
        </p>
      </section>
    );
  }
  if (!v) {
    return (
      <p role="status" className="muted">
        Loading the video…
      </p>
    );
  }
  const playable = v.processing_status === 'completed' && v.has_proxy;
  const processingFailed = v.upload_status === 'uploaded' && v.processing_status === 'failed';
  const frameTime = wallClock(v.recorded_at, position);
  return (
    <section aria-labelledby="video-title">
      <Breadcrumbs
        items={[
          { label: v.mall_name, to: `/malls/${v.mall_id}` },
          { label: v.pin_name, to: `/malls/${v.mall_id}/pins/${v.pin_id}/videos` },
          { label: v.filename },
        ]}
      />
      <h1 id="video-title">{v.filename}</h1>
      <p role="status" className="status-line">
        {running ? `Processing video… ${job.data?.progress ?? 0} %` : videoStatus(v)}
      </p>
      {running && <progress max={100} value={job.data?.progress ?? 0} aria-label="Processing progress" />}
      {(waiting || running) && <p className="muted">The player opens here by itself when the video is ready.</p>}
      {processingFailed && mayChange && (
        <p>
          <button
            type="button"
            disabled={reprocess.isPending}
            onClick={() => reprocess.mutate(v.id)}
          >
            Reprocess
          </button>
          {reprocess.error && (
            <span role="alert" className="error">
              {' '}
              {reprocess.error.message}
            </span>
          )}
        </p>
      )}
      {playable && (
        <Player
          filename={v.filename}
          pinName={v.pin_name}
          recordedAt={v.recorded_at}
          timeZone={v.mall_time_zone}
          fetchLink={fetchLink}
          onPosition={setPosition}
          marks={marks}
          onMark={onMark}
          strip={strip}
          onMotionJump={onMotionJump}
        />
      )}
      <dl className="metadata card" aria-label="Metadata">
        <dt>File</dt>
        <dd>{v.filename}</dd>
        <dt>Pin</dt>
        <dd>
          {v.pin_name}, {v.mall_name}
        </dd>
        <dt>Recorded at</dt>
        <dd>
          {v.recorded_at ? zonedDateTime(v.recorded_at, v.mall_time_zone) : 'No recording time'}
          {v.recorded_at_source === 'file' && <span className="muted"> (from the file’s own time)</span>}
          {v.recorded_at && (
            <>
              {' '}
              <Link
                to={`/malls/${v.mall_id}/pins/${v.pin_id}/timeline?date=${localDate(new Date(frameTime ?? v.recorded_at).getTime(), v.mall_time_zone)}&t=${encodeURIComponent(frameTime ?? v.recorded_at)}`}
              >
                Open on the timeline
              </Link>
            </>
          )}
        </dd>
        {playable && (
          <>
            <dt>Time of this frame</dt>
            <dd data-testid="frame-time">
              {frameTime ? zonedDateTime(frameTime, v.mall_time_zone, { tenths: true }) : 'unknown (no recording time)'}
            </dd>
          </>
        )}
        <dt>Duration</dt>
        <dd>{clock(v.duration_seconds)}</dd>
        <dt>Original</dt>
        <dd>
          {v.width && v.height ? `${v.width}×${v.height}` : '—'}
          {v.fps ? `, ${Math.round(v.fps * 100) / 100} fps` : ''}
          {v.codec ? `, ${v.codec}` : ''}
        </dd>
        <dt>Size</dt>
        <dd>{formatBytes(v.file_size_bytes)}</dd>
        <dt>Uploaded</dt>
        <dd>
          {zonedDateTime(v.uploaded_at, v.mall_time_zone)}
          {v.uploaded_by_email ? ` by ${v.uploaded_by_email}` : ''}
        </dd>
        <dt>Operator notes</dt>
        <dd className="notes">{v.operator_notes || '—'}</dd>
        <dt>Checksum</dt>
        <dd>
          {v.upload_status === 'uploaded' && v.processing_status === 'completed' ? (
            <span className="verified">Verified</span>
          ) : (
            'not verified yet'
          )}{' '}
          <span className="mono">SHA-256 {v.checksum_sha256}</span>
        </dd>
      </dl>
    </section>
  );
}
