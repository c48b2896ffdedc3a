import { useState } from 'react';
import { QueryState } from '../../components/QueryState';
import { useMalls, usePins } from '../../lib/api/malls';
import { useDeleteMall, useDeletePin, useRenameMall, useRenamePin } from './api/accounts';

/** Every mall and its pins, each renamed in place or deleted once confirmed (one with footage is refused, saying why). */
export function PlacesEditor() {
  const malls = useMalls();
  return (
    <section aria-labelledby="places-title" className="card">
      <h2 id="places-title">Rename or remove malls and pins</h2>
      <QueryState isPending={malls.isPending} error={malls.error} what="malls">
        <ul className="places">
          {malls.data?.map((mall) => (
            <li key={mall.id}>
              <MallRow mallId={mall.id} name={mall.name} />
            </li>
          ))}
        </ul>
      </QueryState>
    </section>
  );
}

function MallRow({ mallId, name }: { mallId: string; name: string }) {
  const pins = usePins(mallId);
  const rename = useRenameMall();
  const remove = useDeleteMall();
  return (
    <>
      <Renamable
        kind="mall"
        name={name}
        renaming={rename}
        onRename={(next) => rename.mutateAsync({ mallId, name: next })}
        removing={remove}
        onDelete={() => remove.mutateAsync(mallId)}
      />
      <ul className="pins-of-mall" aria-label={`Pins of ${name}`}>
        {pins.data?.map((pin) => (
          <li key={pin.id}>
            <PinRow mallId={mallId} pinId={pin.id} name={pin.name} />
          </li>
        ))}
      </ul>
    </>
  );
}

function PinRow({ mallId, pinId, name }: { mallId: string; pinId: string; name: string }) {
  const rename = useRenamePin();
  const remove = useDeletePin();
  return (
    <Renamable
      kind="pin"
      name={name}
      renaming={rename}
      onRename={(next) => rename.mutateAsync({ mallId, pinId, name: next })}
      removing={remove}
      onDelete={() => remove.mutateAsync({ mallId, pinId })}
    />
  );
}

interface Pending {
  isPending: boolean;
  error: Error | null;
}

function Renamable({
  kind,
  name,
  renaming,
  onRename,
  removing,
  onDelete,
}: {
  kind: 'mall' | 'pin';
  name: string;
  renaming: Pending;
  onRename: (name: string) => Promise<unknown>;
  removing: Pending;
  onDelete: () => Promise<unknown>;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(name);
  const [confirming, setConfirming] = useState(false);
  const error = renaming.error ?? removing.error;
  return (
    <div className="renamable">
      {editing ? (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            void onRename(draft.trim()).then(() => setEditing(false), () => undefined);
          }}
        >
          <label>
            New name of {kind} {name}
            <input value={draft} required maxLength={200} onChange={(event) => setDraft(event.target.value)} />
          </label>
          <button type="submit" disabled={renaming.isPending}>
            Save name
          </button>
          <button type="button" className="secondary" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <>
          <span className={kind === 'mall' ? 'mall-name' : 'pin-name'}>{name}</span>
          <button
            type="button"
            className="link"
            aria-label={`Rename ${kind} ${name}`}
            onClick={() => {
              setDraft(name);
              setEditing(true);
            }}
          >
            Rename
          </button>
          <button type="button" className="link danger-link" aria-label={`Delete ${kind} ${name}`} onClick={() => setConfirming(true)}>
            Delete
          </button>
        </>
      )}
      {confirming && (
        <div role="alertdialog" aria-labelledby={`delete-${kind}-${name}`} className="confirm">
          <p id={`delete-${kind}-${name}`}>
            Delete the {kind} “{name}”? This cannot be undone. A {kind} with footage is kept.
          </p>
          <button
            type="button"
            className="danger"
            onClick={() => {
              setConfirming(false);
              void onDelete().catch(() => undefined);
            }}
          >
            Delete
          </button>
          <button type="button" className="secondary" onClick={() => setConfirming(false)}>
            Keep
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="error">
          {error.message}
        </p>
      )}
    </div>
  );
}
