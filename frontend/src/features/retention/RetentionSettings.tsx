import { useState } from 'react';
import { QueryState } from '../../components/QueryState';
import { useMalls } from '../../lib/api/malls';
import { formatBytes } from '../../lib/format';
import { useRetention, useRetentionPreview, useSetRetention } from './api/retention';

/** Each mall's retention (off unless set) and what tonight's run will delete: the run's own plan. */
export function RetentionSettings() {
  const malls = useMalls();
  return (
    <section aria-labelledby="retention-title" className="card">
      <h2 id="retention-title">Retention</h2>
      <p className="muted">Footage older than a mall’s retention is deleted every night; legal holds keep theirs.</p>
      <QueryState isPending={malls.isPending} error={malls.error} what="malls">
        <ul className="places">
          {malls.data?.map((mall) => (
            <li key={mall.id}>
              <MallRetention mallId={mall.id} name={mall.name} />
            </li>
          ))}
        </ul>
      </QueryState>
    </section>
  );
}

function MallRetention({ mallId, name }: { mallId: string; name: string }) {
  const setting = useRetention(mallId);
  const preview = useRetentionPreview(mallId);
  const save = useSetRetention();
  const [draft, setDraft] = useState<string | null>(null);
  const days = setting.data?.retention_days ?? null;
  const value = draft ?? (days === null ? '' : String(days));
  return (
    <div className="renamable">
      <span className="mall-name">{name}</span>
      <form
        className="inline-form compact"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate({ mallId, days: value === '' ? null : Number(value) }, { onSuccess: () => setDraft(null) });
        }}
      >
        <label>
          Keep footage of {name} for (days)
          <input type="number" min={1} max={3650} placeholder="forever" value={value} onChange={(event) => setDraft(event.target.value)} />
        </label>
        <button type="submit" disabled={save.isPending || draft === null} aria-label={`Save retention of ${name}`}>
          Save retention
        </button>
      </form>
      <span role="status" className="muted">
        {days === null
          ? 'Kept until deleted on purpose.'
          : preview.data
            ? `${preview.data.count} ${preview.data.count === 1 ? 'video' : 'videos'} (${formatBytes(preview.data.total_bytes)}) will be deleted tonight` +
              (preview.data.held_count > 0 ? `; ${preview.data.held_count} kept by legal holds.` : '.')
            : ''}
      </span>
      {save.error && (
        <p role="alert" className="error">
          {save.error.message}
        </p>
      )}
    </div>
  );
}
