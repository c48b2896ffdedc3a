import { useState, type FormEvent } from 'react';
import { Field } from '../../components/Field';
import { QueryState } from '../../components/QueryState';
import type { Schemas } from '../../lib/api/client';
import { formErrors } from '../../lib/form-errors';
import { session } from '../../lib/session';
import { useMalls } from '../../lib/api/malls';
import { useCreateMall, useCreatePin, useCreateUser, useReplaceGrants, useUsers } from './api/admin';

type Mall = Schemas['MallResponse'];
type Role = Schemas['CreateUserRequest']['role'];

export function AdminPage() {
  const malls = useMalls();
  if (session.user()?.role !== 'ADMIN') {
    return (
      <section aria-labelledby="admin-title">
        <h1 id="admin-title">Admin</h1>
        <p role="alert">Only admins can set up malls, pins and users.</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="admin-title">
      <h1 id="admin-title">Admin</h1>
      <div className="grid admin-grid">
        <CreateMallForm />
        <CreatePinForm malls={malls.data ?? []} />
        <CreateUserForm malls={malls.data ?? []} />
      </div>
      <UsersTable malls={malls.data ?? []} />
    </section>
  );
}

function Saved({ text }: { text: string | null }) {
  return (
    <p role="status" className="success">
      {text}
    </p>
  );
}

function CreateMallForm() {
  const create = useCreateMall();
  const [name, setName] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const errors = formErrors(create.error, 'name');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    create.mutate(name, {
      onSuccess: (mall) => {
        setSaved(`Mall “${mall.name}” created.`);
        setName('');
      },
    });
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="create-mall" noValidate>
      <h2 id="create-mall">Create a mall</h2>
      {errors.general && <p role="alert" className="error">{errors.general}</p>}
      <Field id="mall-name" label="Mall name" error={errors.fields.name}>
        {(props) => <input {...props} value={name} onChange={(event) => setName(event.target.value)} />}
      </Field>
      <button type="submit" disabled={create.isPending}>
        Create mall
      </button>
      <Saved text={saved} />
    </form>
  );
}

function CreatePinForm({ malls }: { malls: Mall[] }) {
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

function MallChoices({
  malls,
  chosen,
  onChange,
  legend,
  error,
}: {
  malls: Mall[];
  chosen: string[];
  onChange: (ids: string[]) => void;
  legend: string;
  error?: string;
}) {
  return (
    <fieldset className="choices" aria-describedby={error ? `${legend}-error` : undefined}>
      <legend>{legend}</legend>
      {malls.length === 0 && <p className="muted">No malls yet.</p>}
      {malls.map((mall) => (
        <label key={mall.id} className="check">
          <input
            type="checkbox"
            checked={chosen.includes(mall.id)}
            onChange={(event) =>
              onChange(event.target.checked ? [...chosen, mall.id] : chosen.filter((id) => id !== mall.id))
            }
          />
          {mall.name}
        </label>
      ))}
      {error && (
        <p id={`${legend}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

function CreateUserForm({ malls }: { malls: Mall[] }) {
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

function UsersTable({ malls }: { malls: Mall[] }) {
  const users = useUsers();
  return (
    <section aria-labelledby="users-title" className="card">
      <h2 id="users-title">Users and their malls</h2>
      <QueryState isPending={users.isPending} error={users.error} what="users">
        <table>
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Granted malls</th>
            </tr>
          </thead>
          <tbody>
            {users.data?.map((user) => (
              <tr key={user.id}>
                <td>{user.email}</td>
                <td>{user.role.toLowerCase()}</td>
                <td>{user.role === 'ADMIN' ? 'every mall' : <GrantsEditor user={user} malls={malls} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </QueryState>
    </section>
  );
}

function GrantsEditor({ user, malls }: { user: Schemas['UserResponse']; malls: Mall[] }) {
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
