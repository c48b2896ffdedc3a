import { useEffect, useRef } from 'react';

/** Asks before a video and everything it stored is deleted for good; Escape or "Cancel" keeps it. */
export function DeleteVideoDialog({
  filename,
  busy,
  onConfirm,
  onCancel,
}: {
  filename: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    cancel.current?.focus();
    return () => opener?.focus();
  }, []);
  useEffect(() => {
    const escape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onCancel();
    };
    document.addEventListener('keydown', escape);
    return () => document.removeEventListener('keydown', escape);
  }, [onCancel]);
  return (
    <div className="dialog-backdrop">
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="delete-title"
        aria-describedby="delete-text"
        className="dialog card"
      >
        <h2 id="delete-title">Delete {filename}?</h2>
        <p id="delete-text">The original, its proxy, poster and previews are deleted for good. This cannot be undone.</p>
        <div className="dialog-actions">
          <button type="button" className="danger" onClick={onConfirm} disabled={busy}>
            {busy ? 'Deleting…' : 'Delete'}
          </button>
          <button type="button" className="secondary" ref={cancel} onClick={onCancel}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
