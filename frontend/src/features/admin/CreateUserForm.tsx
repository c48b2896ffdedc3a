import { useState, type FormEvent } from 'react';
import { Field } from '../../components/Field';
import type { Schemas } from '../../lib/api/client';
import { formErrors } from '../../lib/form-errors';
import { useCreateUser } from './api/admin';
import { MallChoices } from './MallChoices';
import { Saved } from './Saved';

type Mall = Schemas['MallResponse'];
type Role = Schemas['CreateUserRequest']['role'];

/** A new user: e-mail, password, role and the malls granted. */
export function CreateUserForm({ malls }: { malls: Mall[] }) {
  const create = useCreateUser();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('OPERATOR');
  const [mallIds, setMallIds] = useState<string[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const errors = formErrors(create.error, 'email');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    create.mutate(
      { email, password, role, mall_ids: mallIds },
      {
        onSuccess: (user) => {
          setSaved(`User ${user.email} created as ${user.role.toLowerCase()}.`);
          setEmail('');
          setPassword('');
          setMallIds([]);
        },
      },
    );
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="create-user" noValidate>
      <h2 id="create-user">Create a user</h2>
      {errors.general && <p role="alert" className="error">{errors.general}</p>}
      <Field id="user-email" label="Email" error={errors.fields.email}>
        {(props) => (
          <input {...props} type="email" autoComplete="off" value={email} onChange={(event) => setEmail(event.target.value)} />
        )}
      </Field>
      <Field id="user-password" label="Password" error={errors.fields.password}>
        {(props) => (
          <input
            {...props}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        )}
      </Field>
      <Field id="user-role" label="Role" error={errors.fields.role}>
        {(props) => (
          <select {...props} value={role} onChange={(event) => setRole(event.target.value as Role)}>
            <option value="OPERATOR">Operator: uploads, plays and deletes</option>
            <option value="VIEWER">Viewer: plays</option>
            <option value="ADMIN">Admin: everything, in every mall</option>
          </select>
        )}
      </Field>
      <MallChoices malls={malls} chosen={mallIds} onChange={setMallIds} legend="Granted malls" error={errors.fields.mall_ids} />
      <button type="submit" disabled={create.isPending}>
        Create user
      </button>
      <Saved text={saved} />
    </form>
  );
}
