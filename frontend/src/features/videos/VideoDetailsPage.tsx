import { Breadcrumbs } from '../../components/Breadcrumbs';
import { ApiError } from '../../lib/api/client';
import { formatBytes, formatDateTime } from '../../lib/format';
import { useStreamUrl, useVideo } from './api/videos';
import { clock, videoStatus } from './video-status';

/** A video's details and, once processed, its proxy in the browser's own player. */
export function VideoDetailsPage({ videoId }: { videoId: string }) {
  const video = useVideo(videoId);
  const playable = video.data?.processing_status === 'completed' && video.data.has_proxy;
  const stream = useStreamUrl(videoId, !!playable);

  if (video.error) {
    const notFound = video.error instanceof ApiError && (video.error.status === 404 || video.error.status === 400);
    return (
      <section aria-labelledby="video-title">
        <h1 id="video-title">{notFound ? 'Video not found' : 'The video could not be loaded'}</h1>
        <p role="alert">
          {notFound ? 'This video does not exist, was deleted, or belongs to a mall you have no access to.' : (video.error as Error).message}
        </p>
      </section>
    );
  }
  if (!video.data) {
    return (
      <p role="status" className="muted">
        Loading the video…
      </p>
    );
  }
  const v = video.data;
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
        {videoStatus(v)}
        {v.processing_status === 'completed' && <span className="verified">Verified</span>}
      </p>
      {playable && stream.data && (
        <video className="player" src={stream.data.url} controls preload="metadata" aria-label={`Video ${v.filename}`} />
      )}
      <dl className="metadata card">
        <dt>Pin</dt>
        <dd>
          {v.pin_name}, {v.mall_name}
        </dd>
        <dt>Recorded at</dt>
        <dd>{formatDateTime(v.recorded_at)}</dd>
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
        <dt>Uploaded at</dt>
        <dd>{formatDateTime(v.uploaded_at)}</dd>
        <dt>Operator notes</dt>
        <dd>{v.operator_notes || '—'}</dd>
        <dt>SHA-256</dt>
        <dd className="mono">{v.checksum_sha256}</dd>
      </dl>
    </section>
  );
}
