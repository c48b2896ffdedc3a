import { useState } from 'react';
import { Link } from 'react-router';
import { zonedTime } from '../../lib/time';
import type { Clip } from './api/timeline';
import type { Placed } from './playback';

const STATUS: Record<string, string> = {
  pending: 'Waiting to be processed',
  queued: 'Waiting to be processed',
  running: 'Processing',
  completed: 'Ready',
  failed: 'Processing failed',
};

/** The day's clips as a table (the canvas cannot be read by a screen reader), drawn only when opened. */
export function ClipList({ placed, zone, onPlay }: { placed: Placed<Clip>[]; zone: string; onPlay: (item: Placed<Clip>) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="clip-list" onToggle={(event) => setOpen((event.target as HTMLDetailsElement).open)}>
      <summary>List of the day’s clips ({placed.length})</summary>
      {open && (
        <table>
          <thead>
            <tr>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col">File</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Play</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {placed.map((item) => (
              <tr key={item.clip.video_id}>
                <td>{zonedTime(item.start, zone)}</td>
                <td>{zonedTime(item.end, zone)}</td>
                <td>
                  <Link to={`/videos/${item.clip.video_id}`}>{item.clip.filename}</Link>
                </td>
                <td>{STATUS[item.clip.processing_status] ?? item.clip.processing_status}</td>
                <td>
                  <button
                    type="button"
                    className="secondary"
                    disabled={!item.clip.has_proxy}
                    aria-label={`Play ${item.clip.filename} from ${zonedTime(item.start, zone)}`}
                    onClick={() => onPlay(item)}
                  >
                    Play
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
