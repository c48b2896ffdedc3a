import { useState, type FormEvent } from 'react';
import { Field } from '../../components/Field';
import { formErrors } from '../../lib/form-errors';
import { useCreateMall } from './api/admin';
import { Saved } from './Saved';
import { TimeZoneInput } from './TimeZoneInput';

/** A new mall, by name, in its time zone (UTC unless chosen); a name taken already is said next to the field. */
export function CreateMallForm() {
  const create = useCreateMall();
  const [name, setName] = useState('');
  const [timeZone, setTimeZone] = useState('UTC');
  const [saved, setSaved] = useState<string | null>(null);
  const errors = formErrors(create.error, 'name');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    create.mutate(
      { name, timeZone },
      {
        onSuccess: (mall) => {
          setSaved(`Mall “${mall.name}” created, in ${mall.time_zone}.`);
          setName('');
        },
      },
    );
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="create-mall" noValidate>
      <h2 id="create-mall">Create a mall</h2>
      {errors.general && <p role="alert" className="error">{errors.general}</p>}
      <Field id="mall-name" label="Mall name" error={errors.fields.name}>
        {(props) => <input {...props} value={name} onChange={(event) => setName(event.target.value)} />}
      </Field>
      <Field id="mall-time-zone" label="Time zone" error={errors.fields.time_zone}>
        {(props) => <TimeZoneInput {...props} value={timeZone} onChange={setTimeZone} />}
      </Field>
      <button type="submit" disabled={create.isPending}>
        Create mall
      </button>
      <Saved text={saved} />
    </form>
  );
}
