import { useEffect, useState } from 'react';
import { ApiError } from '../../lib/api/client';
import type { Journal, JournalEntry } from './engine/journal';
import type { UploadServer } from './engine/upload-engine';

interface Progress {
  stored: number | null;
  gone: boolean;
}

/**
 * Uploads this browser began and did not finish (a reload, a closed tab, a crash): how far each
 * got on the server, and how to go on. An upload the server no longer has in progress is forgotten.
 */
export function UnfinishedUploads({
  entries,
  server,
  journal,
  onResume,
  onChanged,
}: {
  entries: JournalEntry[];
  server: UploadServer;
  journal: Journal;
  onResume: (entry: JournalEntry) => void;
  onChanged: () => void;
}) {
  const [progress, setProgress] = useState<Record<string, Progress>>({});
  const [confirming, setConfirming] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const keys = entries.map((entry) => entry.key).join();

  useEffect(() => {
    let current = true;
    for (const entry of entries) {
      server.storedParts(entry.videoId).then(
        (parts) => current && setProgress((known) => ({ ...known, [entry.key]: { stored: parts.length, gone: false } })),
        async (error) => {
          if (error instanceof ApiError && (error.status === 409 || error.status === 404)) {
            await journal.remove(entry.key);
            if (current) onChanged();
          } else if (current) {
            setProgress((known) => ({ ...known, [entry.key]: { stored: null, gone: false } }));
          }
        },
      );
    }
    return () => {
      current = false;
    };
    // entries are compared by their keys: a new array with the same uploads asks nothing again
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [keys]);

  if (entries.length === 0) return null;
  const canReopen = typeof window !== 'undefined' && 'showOpenFilePicker' in window;

  const cancel = async (entry: JournalEntry) => {
    setConfirming(null);
    try {
      await server.abort(entry.videoId);
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) {
        setFailure(`“${entry.fileName}” could not be cancelled: ${error instanceof Error ? error.message : String(error)}`);
        return;
      }
    }
    await journal.remove(entry.key);
    onChanged();
  };

  return (
    <section aria-labelledby="unfinished" className="card unfinished">
      <h2 id="unfinished">Unfinished uploads</h2>
      <ul>
        {entries.map((entry) => {
          const known = progress[entry.key];
          const stored = known?.stored;
          return (
            <li key={entry.key} aria-label={entry.fileName}>
              <p role="status">
                <strong>{entry.fileName}</strong> —{' '}
                {stored === undefined
                  ? 'asking the server how far it got…'
                  : stored === null
                    ? 'the server could not be asked how far it got'
                    : `${stored} of ${entry.totalParts} parts stored`}{' '}
                — choose the file again to resume.
              </p>
              <div className="actions">
                {canReopen && entry.handle && (
                  <button type="button" onClick={() => onResume(entry)} aria-label={`Resume ${entry.fileName}`}>
                    Resume
                  </button>
                )}
                {confirming === entry.key ? (
                  <span role="alertdialog" aria-label={`Cancel the upload of ${entry.fileName}?`} className="confirm">
                    Cancel the upload of “{entry.fileName}”? The parts stored so far are deleted.{' '}
                    <button type="button" className="danger" onClick={() => void cancel(entry)}>
                      Yes, cancel the upload
                    </button>
                    <button type="button" className="secondary" onClick={() => setConfirming(null)}>
                      Keep it
                    </button>
                  </span>
                ) : (
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => setConfirming(entry.key)}
                    aria-label={`Cancel ${entry.fileName}`}
                  >
                    Cancel
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      {failure && (
        <p role="alert" className="error">
          {failure}
        </p>
      )}
    </section>
  );
}
