import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { QueryState } from '../../components/QueryState';
import { useMalls } from '../../lib/api/malls';
import { may } from '../../lib/authorization';
import { downloadCsv, PAGE, useAuditLog, useVerifyChain, type AuditFilters } from './api/audit';

const FIELDS = ['user', 'action', 'mall_id', 'from', 'to'] as const;

/** A `datetime-local` value of the browser's clock as an instant (the log's times are instants too). */
function instant(value: string): string {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

/**
 * The audit log for admins: who did what and when, filtered by user, action, mall and time (the
 * filters live in the URL), page by page, as CSV, and the check of the chain.
 */
export function AuditPage() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(0, Number(params.get('page') ?? 1) - 1) || 0;
  const filters: AuditFilters = {
    user: params.get('user') ?? '',
    action: params.get('action') ?? '',
    mallId: params.get('mall_id') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
  const log = useAuditLog(filters, page);
  const malls = useMalls();
  const verify = useVerifyChain();
  const [csvError, setCsvError] = useState('');
  const [draft, setDraft] = useState({ ...filters, from: '', to: '' });

  if (!may('administer')) {
    return (
      <section aria-labelledby="audit-title">
        <h1 id="audit-title">Audit log</h1>
        <p role="alert">Only admins can read the audit log.</p>
      </section>
    );
  }
  const total = log.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE));
  const mallName = (id: string | null | undefined) => malls.data?.find((mall) => mall.id === id)?.name ?? id ?? '';

  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">Audit log</h1>
      <form
        className="card filters"
        onSubmit={(event) => {
          event.preventDefault();
          const next = new URLSearchParams();
          const values: Record<(typeof FIELDS)[number], string> = {
            user: draft.user.trim(),
            action: draft.action.trim(),
            mall_id: draft.mallId,
            from: instant(draft.from),
            to: instant(draft.to),
          };
          FIELDS.forEach((field) => values[field] && next.set(field, values[field]));
          setParams(next);
        }}
      >
        <label>
          User (e-mail or id)
          <input value={draft.user} onChange={(event) => setDraft({ ...draft, user: event.target.value })} />
        </label>
        <label>
          Action
          <input list="audit-actions" value={draft.action} placeholder="account." onChange={(event) => setDraft({ ...draft, action: event.target.value })} />
          <datalist id="audit-actions">
            {['auth.sign_in', 'video.list', 'video.play', 'video.delete', 'video.reprocess', 'upload.complete', 'timeline.read', 'access.refused', 'account.', 'mall.', 'audit.retention'].map((action) => (
              <option key={action} value={action} />
            ))}
          </datalist>
        </label>
        <label>
          Mall
          <select value={draft.mallId} onChange={(event) => setDraft({ ...draft, mallId: event.target.value })}>
            <option value="">Any mall</option>
            {malls.data?.map((mall) => (
              <option key={mall.id} value={mall.id}>
                {mall.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          From
          <input type="datetime-local" value={draft.from} onChange={(event) => setDraft({ ...draft, from: event.target.value })} />
        </label>
        <label>
          To
          <input type="datetime-local" value={draft.to} onChange={(event) => setDraft({ ...draft, to: event.target.value })} />
        </label>
        <button type="submit">Apply filters</button>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setCsvError('');
            downloadCsv(filters).catch((error: Error) => setCsvError(error.message));
          }}
        >
          Download CSV
        </button>
        <button type="button" className="secondary" onClick={() => verify.mutate()} disabled={verify.isPending}>
          Verify the chain
        </button>
      </form>
      <p role="status" className={verify.data && !verify.data.valid ? 'error' : 'success'}>
        {verify.isPending && 'Checking every row of the chain…'}
        {verify.data &&
          (verify.data.valid
            ? `The chain holds: ${verify.data.checked_rows} rows checked, up to row ${verify.data.head_seq}.`
            : `The chain is broken. ${verify.data.reason}`)}
      </p>
      {(csvError || verify.error) && (
        <p role="alert" className="error">
          {csvError || verify.error?.message}
        </p>
      )}
      <QueryState isPending={log.isPending} error={log.error} what="audit log">
        <p className="muted" role="status">
          Page {page + 1} of {pages} · {total} {total === 1 ? 'row' : 'rows'}
        </p>
        <table className="audit">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Time</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">Outcome</th>
              <th scope="col">Mall</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {log.data?.entries.map((entry) => (
              <tr key={entry.seq}>
                <td>{entry.seq}</td>
                <td>{new Date(entry.at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' })}</td>
                <td>
                  {entry.actor_email ?? '—'}
                  {entry.client_address && <span className="muted"> from {entry.client_address}</span>}
                </td>
                <td>{entry.action}</td>
                <td className={`outcome-${entry.outcome}`}>{entry.outcome}</td>
                <td>{mallName(entry.mall_id)}</td>
                <td className="mono detail">
                  {entry.video_id && <span>video {entry.video_id} </span>}
                  {entry.detail ? JSON.stringify(entry.detail) : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="pager">
          <button type="button" className="secondary" disabled={page === 0} onClick={() => setPage(params, setParams, page)}>
            Newer
          </button>
          <button type="button" className="secondary" disabled={page + 1 >= pages} onClick={() => setPage(params, setParams, page + 2)}>
            Older
          </button>
        </div>
      </QueryState>
    </section>
  );
}

function setPage(params: URLSearchParams, setParams: (next: URLSearchParams) => void, page: number) {
  const next = new URLSearchParams(params);
  if (page <= 1) next.delete('page');
  else next.set('page', String(page));
  setParams(next);
}
