import { useState, useSyncExternalStore } from 'react';
import { Link } from 'react-router';
import { formatBytes } from '../../lib/format';
import { zonedDateTime } from '../../lib/time';
import type { FileUpload } from './engine/upload-engine';
import { statusLine, transferLine } from './status-text';

const CANCELLABLE = ['hashing', 'initiating', 'uploading', 'paused'];

/** One file of the queue once it was sent on its way: its status, progress and controls. */
export function UploadRow({ upload, zone }: { upload: FileUpload; zone: string }) {
  const state = useSyncExternalStore(
    (listener) => upload.subscribe(listener),
    () => upload.snapshot(),
  );
  const [confirming, setConfirming] = useState(false);
  const { file } = upload.request;
  const transfer = transferLine(state);
  const progress =
    state.phase === 'hashing'
      ? { value: state.checksumPercent, label: 'Checksum progress' }
      : state.phase === 'uploading' || state.phase === 'paused'
        ? { value: Math.floor((state.bytesStored / Math.max(1, state.totalBytes)) * 100), label: 'Upload progress' }
        : state.phase === 'processing'
          ? { value: state.processingPercent ?? 0, label: 'Processing progress' }
          : null;

  return (
    <li className={`upload-row phase-${state.phase}`} aria-label={file.name}>
      <div className="upload-head">
        <span className="file-name">{file.name}</span>
        <span className="muted">{formatBytes(file.size)}</span>
      </div>
      <p role="status" className="status-line">
        {statusLine(state)}
        {state.phase === 'complete' && state.verified && (
          <span className="verified" title="The server's SHA-256 of the stored file matched this file's">
            Verified
          </span>
        )}
      </p>
      {state.videoId && ['queued', 'processing', 'complete'].includes(state.phase) && (
        <p className="muted recorded-line">
          {state.recordedAt
            ? `Recorded at ${zonedDateTime(state.recordedAt, zone)}${state.recordedAtSource === 'file' ? ' (the file’s own time)' : ''}`
            : 'No recording time: none was given and the file has none, so the clip is not on the timeline.'}
        </p>
      )}
      {progress && <progress max={100} value={progress.value} aria-label={`${progress.label} of ${file.name}`} />}
      {transfer && <p className="muted transfer">{transfer}</p>}
      {state.resumedParts > 0 && state.phase === 'uploading' && (
        <p className="muted">Resumed: {state.resumedParts} parts were already stored.</p>
      )}
      <p aria-live="polite" className="notice-line">
        {state.notice}
      </p>
      <div className="actions">
        {state.phase === 'uploading' && (
          <button type="button" className="secondary" onClick={() => upload.pause('user')} aria-label={`Pause ${file.name}`}>
            Pause
          </button>
        )}
        {state.phase === 'paused' && (
          <button type="button" onClick={() => upload.resume('user')} aria-label={`Resume ${file.name}`}>
            Resume
          </button>
        )}
        {CANCELLABLE.includes(state.phase) && !confirming && (
          <button type="button" className="danger" onClick={() => setConfirming(true)} aria-label={`Cancel ${file.name}`}>
            Cancel
          </button>
        )}
        {(state.phase === 'complete' || state.phase === 'duplicate') && state.videoId && (
          <Link to={`/videos/${state.videoId}`} className="button-link">
            {state.phase === 'complete' ? 'Play' : 'Open the existing video'}
          </Link>
        )}
      </div>
      {confirming && CANCELLABLE.includes(state.phase) && (
        <div role="alertdialog" aria-labelledby={`cancel-${upload.key}`} className="confirm">
          <p id={`cancel-${upload.key}`}>Cancel the upload of “{file.name}”? The parts sent so far are deleted.</p>
          <button
            type="button"
            className="danger"
            onClick={() => {
              setConfirming(false);
              void upload.cancel();
            }}
          >
            Yes, cancel the upload
          </button>
          <button type="button" className="secondary" onClick={() => setConfirming(false)}>
            Keep uploading
          </button>
        </div>
      )}
    </li>
  );
}
