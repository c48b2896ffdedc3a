import { useState } from 'react';
import { useExport, downloadPackage } from './api/evidence';
import { exportStatus } from './describe';

/** One export's job as it goes: its progress, then "Download package", or its failure. */
export function ExportProgress({ exportId }: { exportId: string }) {
  const one = useExport(exportId);
  const [error, setError] = useState<string | null>(null);
  if (!one.data) return <p role="status">Starting the export…</p>;
  const running = one.data.status === 'queued' || one.data.status === 'running';
  return (
    <div className="export-progress">
      <p role="status" aria-live="polite">
        {exportStatus(one.data)}
      </p>
      {running && <progress max={100} value={one.data.progress} aria-label="Export progress" />}
      {one.data.status === 'completed' && (
        <p>
          <button type="button" onClick={() => void downloadPackage(exportId).catch((failure: Error) => setError(failure.message))}>
            Download package
          </button>{' '}
          <span className="muted">{one.data.package_name}; check it with VERIFY.txt inside, or on the “Verify a package” page.</span>
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}
