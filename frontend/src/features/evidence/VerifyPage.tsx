import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { verifyPackage } from './api/evidence';

/**
 * Checks a package as the server sees it: the manifest's signature with this server's key, the
 * hash of every file, and whether each source is still stored unchanged.
 */
export function VerifyPage() {
  const [file, setFile] = useState<File | null>(null);
  const check = useMutation({ mutationFn: verifyPackage });
  const report = check.data;
  return (
    <section aria-labelledby="verify-title">
      <h1 id="verify-title">Verify a package</h1>
      <p className="muted">
        Choose an evidence package (the export’s ZIP file). It is checked here and not kept. Anyone can also check it without this server,
        with the commands in its VERIFY.txt.
      </p>
      <form
        className="card inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (file) check.mutate(file);
        }}
      >
        <label htmlFor="verify-package">Package (ZIP)</label>
        <input
          id="verify-package"
          type="file"
          accept=".zip,application/zip"
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            check.reset();
          }}
        />
        <button type="submit" disabled={!file || check.isPending}>
          {check.isPending ? 'Checking…' : 'Verify'}
        </button>
      </form>
      {check.error && (
        <p role="alert" className="error">
          {check.error.message}
        </p>
      )}
      <div role="status" aria-live="polite">
        {report && (
          <p className={report.valid ? 'verdict valid' : 'verdict invalid'}>
            {report.valid ? 'Valid: every check passed.' : 'Not valid: a check failed.'}
            {report.export_id && <span className="muted"> Export {report.export_id}.</span>}
          </p>
        )}
      </div>
      {report && (
        <div className="table-scroll">
          <table className="checks">
            <caption className="visually-hidden">The checks of the package</caption>
            <thead>
              <tr>
                <th scope="col">Result</th>
                <th scope="col">Check</th>
                <th scope="col">Of</th>
                <th scope="col">Found</th>
              </tr>
            </thead>
            <tbody>
              {report.checks.map((one, index) => (
                <tr key={index} className={one.passed ? 'passed' : 'failed'}>
                  <td>{one.passed ? '✓ Passed' : '✗ Failed'}</td>
                  <td>{one.kind}</td>
                  <td>
                    <code>{one.name}</code>
                  </td>
                  <td>{one.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
