import { useState } from 'react';
import { may } from '../../lib/authorization';
import { formatDateTime } from '../../lib/format';
import { downloadPackage, useDeleteExport, type EvidenceExport } from './api/evidence';
import { exportStatus } from './describe';

/** Exports with their state: download a ready package; admins delete one (its sources are then no longer kept for it). */
export function ExportsTable({ exports, caption }: { exports: EvidenceExport[]; caption: string }) {
  const remove = useDeleteExport();
  const [error, setError] = useState<string | null>(null);
  const admin = may('administer');
  if (exports.length === 0) return <p className="muted">No exports yet.</p>;
  return (
    <>
      <div className="table-scroll">
        <table className="exports">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Asked for</th>
              <th scope="col">Recipient</th>
              <th scope="col">Reference</th>
              <th scope="col">Clips</th>
              <th scope="col">State</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {exports.map((one) => (
              <tr key={one.id}>
                <td>
                  {formatDateTime(one.created_at)}
                  <br />
                  <span className="muted">by {one.created_by}</span>
                </td>
                <td>
                  {one.recipient_name}, {one.recipient_organisation}
                  <br />
                  <span className="muted">{one.purpose}</span>
                </td>
                <td>{one.reference}</td>
                <td>
                  {one.clips.length} {one.derivative ? '(re-encoded)' : '(stream copy)'}
                </td>
                <td>
                  <span role="status">{exportStatus(one)}</span>
                  {(one.status === 'queued' || one.status === 'running') && (
                    <progress max={100} value={one.progress} aria-label={`Progress of the export for ${one.reference}`} />
                  )}
                </td>
                <td>
                  {one.status === 'completed' && (
                    <button
                      type="button"
                      className="secondary"
                      aria-label={`Download the package for ${one.reference}`}
                      onClick={() => void downloadPackage(one.id).catch((failure: Error) => setError(failure.message))}
                    >
                      Download
                    </button>
                  )}{' '}
                  {admin && one.status !== 'deleted' && (
                    <button
                      type="button"
                      className="link danger"
                      aria-label={`Delete the export for ${one.reference}`}
                      onClick={() => {
                        if (window.confirm(`Delete the export for ${one.reference} and its package? Its sources will no longer be kept for it.`)) {
                          remove.mutate(one.id, { onError: (failure) => setError(failure.message) });
                        }
                      }}
                    >
                      Delete
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </>
  );
}
