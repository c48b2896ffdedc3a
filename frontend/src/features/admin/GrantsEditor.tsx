import { useState, type FormEvent } from 'react';
import type { Schemas } from '../../lib/api/client';
import { formErrors } from '../../lib/form-errors';
import { useReplaceGrants } from './api/admin';
import { MallChoices } from './MallChoices';
import { Saved } from './Saved';

type Mall = Schemas['MallResponse'];

/** The malls granted to one user; Save is offered once they changed. */
export function GrantsEditor({ user, malls }: { user: Schemas['UserResponse']; malls: Mall[] }) {
  const replace = useReplaceGrants();
  const [chosen, setChosen] = useState<string[]>(user.mall_ids);
  const [saved, setSaved] = useState<string | null>(null);
  const errors = formErrors(replace.error);
  const changed = [...chosen].sort().join() !== [...user.mall_ids].sort().join();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    replace.mutate({ userId: user.id, mallIds: chosen }, { onSuccess: () => setSaved('Grants saved.') });
  };
  return (
    <form onSubmit={submit} className="grants" aria-label={`Malls of ${user.email}`}>
      <MallChoices
        malls={malls}
        chosen={chosen}
        onChange={setChosen}
        legend={`Malls of ${user.email}`}
        error={errors.general ?? errors.fields.mall_ids}
      />
      <button type="submit" className="secondary" disabled={!changed || replace.isPending} aria-label={`Save grants of ${user.email}`}>
        Save grants
      </button>
      <Saved text={saved} />
    </form>
  );
}
