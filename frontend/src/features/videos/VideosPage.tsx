import { useState } from 'react';
import { Link } from 'react-router';
import { QueryState } from '../../components/QueryState';
import { formatDateTime } from '../../lib/format';
import { session } from '../../lib/session';
import { usePinVideos } from './api/videos';
import { clock, videoStatus } from './video-status';

/** A pin's videos, newest first, 50 a page. */
export function VideosPage({ mallId, pinId }: { mallId: string; pinId: string }) {
  const [offset, setOffset] = useState(0);
  const videos = usePinVideos(mallId, pinId, offset);
  const mayUpload = session.user()?.role !== 'VIEWER';
  const total = videos.data?.total ?? 0;
  return (
    <>
      {mayUpload && (
        <p>
          <Link to={`/malls/${mallId}/pins/${pinId}/upload`} className="button-link">
            Upload video
          </Link>
        </p>
      )}
      <QueryState isPending={videos.isPending} error={videos.error} what="videos">
        {total === 0 ? (
          <p className="muted">No videos yet{mayUpload ? ': upload the first recording of this pin.' : '.'}</p>
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
                </tr>
              </thead>
              <tbody>
                {videos.data?.videos.map((video) => (
                  <tr key={video.id}>
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
                    <td>{formatDateTime(video.recorded_at)}</td>
                    <td>{formatDateTime(video.uploaded_at)}</td>
                    <td>{videoStatus(video)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <nav aria-label="Pages" className="pages">
              <button type="button" className="secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - 50))}>
                Previous page
              </button>
              <span role="status">
                {offset + 1}–{Math.min(total, offset + 50)} of {total}
              </span>
              <button type="button" className="secondary" disabled={offset + 50 >= total} onClick={() => setOffset(offset + 50)}>
                Next page
              </button>
            </nav>
          </>
        )}
      </QueryState>
    </>
  );
}
