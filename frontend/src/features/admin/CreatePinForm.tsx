import { useState, type FormEvent } from 'react';
import { Field } from '../../components/Field';
import type { Schemas } from '../../lib/api/client';
import { formErrors } from '../../lib/form-errors';
import { useCreatePin } from './api/admin';
import { Saved } from './Saved';

type Mall = Schemas['MallResponse'];

/** A new camera pin in a mall; without a mall, it says to create one first. */
export function CreatePinForm({ malls }: { malls: Mall[] }) {
  const create = useCreatePin();
  const [mallId, setMallId] = useState('');
  const [name, setName] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const [choose, setChoose] = useState<string | null>(null);
  const errors = formErrors(create.error, 'name');
  const chosenMall = mallId || malls[0]?.id || '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    if (!chosenMall) {
      setChoose('Create a mall first: a pin belongs to a mall.');
      return;
    }
    setChoose(null);
    create.mutate(
      { mallId: chosenMall, name },
      {
        onSuccess: (pin) => {
          setSaved(`Pin “${pin.name}” created in ${malls.find((mall) => mall.id === pin.mall_id)?.name ?? 'the mall'}.`);
          setName('');
        },
      },
    );
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="create-pin" noValidate>
      <h2 id="create-pin">Create a camera pin</h2>
      {errors.general && <p role="alert" className="error">{errors.general}</p>}
      <Field id="pin-mall" label="Mall" error={choose}>
        {(props) => (
          <select {...props} value={chosenMall} onChange={(event) => setMallId(event.target.value)}>
            {malls.map((mall) => (
              <option key={mall.id} value={mall.id}>
                {mall.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="pin-name" label="Pin name" error={errors.fields.name}>
        {(props) => <input {...props} value={name} onChange={(event) => setName(event.target.value)} />}
      </Field>
      <button type="submit" disabled={create.isPending}>
        Create pin
      </button>
      <Saved text={saved} />
    </form>
  );
}
