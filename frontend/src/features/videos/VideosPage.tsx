import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { QueryState } from '../../components/QueryState';
import type { Schemas } from '../../lib/api/client';
import { clock } from '../../lib/format';
import { localDate, zonedDateTime } from '../../lib/time';
import { useClientSettings } from '../../lib/api/settings';
import { may } from '../../lib/authorization';
import { useDeleteVideo, useJobProgress, usePinVideos, useReprocessVideo } from './api/videos';
import { DeleteVideoDialog } from './DeleteVideoDialog';
import {
  hasFilters,
  readFilters,
  STATUS_FILTERS,
  STATUS_LABELS,
  writeFilters,
  type ListFilters,
} from './list-filters';
import { videoStatus } from './video-status';

type Video = Schemas['VideoListItem'];

/** A pin's videos, newest recording first, a page of the server's size at a time; the filters and the page live in the URL. */
export function VideosPage({ mallId, pinId }: { mallId: string; pinId: string }) {
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const pageSize = useClientSettings().data?.page_size;
  const videos = usePinVideos(mallId, pinId, filters, pageSize);
  const mayChange = may('changeVideos');
  const mayUpload = may('upload');
  const [deleting, setDeleting] = useState<Video | null>(null);
  const [said, setSaid] = useState('');
  const remove = useDeleteVideo();
  const reprocess = useReprocessVideo();
  const total = videos.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / (pageSize ?? 1)));

  const show = (next: Partial<ListFilters>) =>
    setParams(writeFilters({ ...filters, page: 1, ...next }), { replace: next.page === undefined });

  const confirmDelete = (video: Video) => {
    remove.mutate(video.id, {
      onSuccess: () => {
        setSaid(`Deleted ${video.filename}.`);
        setDeleting(null);
      },
      onError: (error) => setSaid(`${video.filename} was not deleted: ${error.message}`),
    });
  };

  const startReprocess = (video: Video) => {
    reprocess.mutate(video.id, {
      onSuccess: () => setSaid(`${video.filename} is queued for processing again.`),
      onError: (error) => setSaid(`${video.filename} was not reprocessed: ${error.message}`),
    });
  };

  return (
    <>
      {mayUpload && (
        <p>
          <Link to={`/malls/${mallId}/pins/${pinId}/upload`} className="button-link">
            Upload video
          </Link>
        </p>
      )}
      <form className="filters" aria-label="Filters" onSubmit={(event) => event.preventDefault()}>
        <label>
          Status
          <select value={filters.status} onChange={(event) => show({ status: event.target.value as ListFilters['status'] })}>
            <option value="">All</option>
            {STATUS_FILTERS.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Recorded from
          <input type="date" value={filters.from} max={filters.to || undefined} onChange={(event) => show({ from: event.target.value })} />
        </label>
        <label>
          Recorded to
          <input type="date" value={filters.to} min={filters.from || undefined} onChange={(event) => show({ to: event.target.value })} />
        </label>
        {hasFilters(filters) && (
          <button type="button" className="secondary" onClick={() => setParams(new URLSearchParams())}>
            Clear filters
          </button>
        )}
      </form>
      <p role="status" aria-live="polite" className="said">
        {said}
      </p>
      <QueryState isPending={videos.isPending} error={videos.error} what="videos">
        {total === 0 ? (
          hasFilters(filters) ? (
            <p className="muted">No videos match these filters: change them or clear them to see every video of this pin.</p>
          ) : (
            <p className="muted">No videos yet{mayUpload ? ': upload the first recording of this pin with "Upload video".' : '.'}</p>
          )
        ) : (
          <>
            <table className="videos">
              <thead>
                <tr>
                  <th scope="col">Poster</th>
                  <th scope="col">File</th>
                  <th scope="col">Duration</th>
                  <th scope="col">Recorded at</th>
                  <th scope="col">Uploaded at</th>
                  <th scope="col">Status</th>
                  {mayChange && <th scope="col">Actions</th>}
                </tr>
              </thead>
              <tbody>
                {videos.data?.videos.map((video) => (
                  <VideoRow
                    key={video.id}
                    video={video}
                    mayChange={mayChange}
                    onDelete={() => setDeleting(video)}
                    onReprocess={() => startReprocess(video)}
                  />
                ))}
              </tbody>
            </table>
            <nav aria-label="Pages" className="pages">
              <button
                type="button"
                className="secondary"
                disabled={filters.page <= 1}
                onClick={() => show({ page: filters.page - 1 })}
              >
                Previous page
              </button>
              <span role="status">
                Page {Math.min(filters.page, pages)} of {pages} · {total} {total === 1 ? 'video' : 'videos'}
              </span>
              <button
                type="button"
                className="secondary"
                disabled={filters.page >= pages}
                onClick={() => show({ page: filters.page + 1 })}
              >
                Next page
              </button>
            </nav>
          </>
        )}
      </QueryState>
      {deleting && (
        <DeleteVideoDialog
          filename={deleting.filename}
          busy={remove.isPending}
          onConfirm={() => confirmDelete(deleting)}
          onCancel={() => setDeleting(null)}
        />
      )}
    </>
  );
}

/** The pin's timeline on the clip's day, at its first frame. */
function timelineLink(video: Video): string {
  return `/malls/${video.mall_id}/pins/${video.pin_id}/timeline?date=${localDate(new Date(video.recorded_at).getTime(), video.mall_time_zone)}&t=${encodeURIComponent(video.recorded_at)}`;
}

function VideoRow({
  video,
  mayChange,
  onDelete,
  onReprocess,
}: {
  video: Video;
  mayChange: boolean;
  onDelete: () => void;
  onReprocess: () => void;
}) {
  const navigate = useNavigate();
  const running = video.upload_status === 'uploaded' && video.processing_status === 'running';
  const job = useJobProgress(video.processing_job_id, running);
  const open = () => void navigate(`/videos/${video.id}`);
  return (
    <tr
      className="clickable"
      onClick={(event) => {
        // the row opens the player; its link and buttons do their own thing
        if (!(event.target as HTMLElement).closest('a, button')) open();
      }}
    >
      <td>
        {video.poster_url ? (
          <img src={video.poster_url} alt="" width={96} height={54} loading="lazy" />
        ) : (
          <span className="poster-placeholder" aria-hidden="true" />
        )}
      </td>
      <td>
        <Link to={`/videos/${video.id}`}>{video.filename}</Link>
      </td>
      <td>{clock(video.duration_seconds)}</td>
      <td>
        {video.recorded_at ? (
          <>
            {zonedDateTime(video.recorded_at, video.mall_time_zone)}
            {video.recorded_at_source === 'file' && <span className="muted"> (from the file)</span>}
            {video.upload_status === 'uploaded' && video.duration_seconds && (
              <>
                {' '}
                <Link to={timelineLink(video)} aria-label={`${video.filename} on the timeline`}>
                  Timeline
                </Link>
              </>
            )}
          </>
        ) : (
          <span className="no-time">No recording time</span>
        )}
      </td>
      <td>{zonedDateTime(video.uploaded_at, video.mall_time_zone)}</td>
      <td>
        {running ? `Processing video… ${job.data?.progress ?? 0} %` : videoStatus(video)}
        {running && <progress max={100} value={job.data?.progress ?? 0} aria-label={`Processing ${video.filename}`} />}
      </td>
      {mayChange && (
        <td className="actions">
          {video.upload_status === 'uploaded' && video.processing_status === 'failed' && (
            <button type="button" className="secondary" onClick={onReprocess} aria-label={`Reprocess ${video.filename}`}>
              Reprocess
            </button>
          )}
          <button type="button" className="danger" onClick={onDelete} aria-label={`Delete ${video.filename}`}>
            Delete
          </button>
        </td>
      )}
    </tr>
  );
}
