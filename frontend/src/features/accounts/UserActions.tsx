import { useId, useState } from 'react';
import type { Schemas } from '../../lib/api/client';
import { useDeleteUser, useResetPassword, useUpdateUser } from './api/accounts';

type User = Schemas['UserResponse'];
type Role = User['role'];

/**
 * What an admin may do to one account: change its role, disable or enable it, set a new password,
 * delete it (one who uploaded is kept and disabled instead). What cannot be undone asks first.
 */
export function UserActions({ user }: { user: User }) {
  const update = useUpdateUser();
  const reset = useResetPassword();
  const remove = useDeleteUser();
  const [role, setRole] = useState<Role>(user.role);
  const [confirming, setConfirming] = useState<'disable' | 'delete' | null>(null);
  const [resetting, setResetting] = useState(false);
  const [password, setPassword] = useState('');
  const [said, setSaid] = useState('');
  const passwordId = useId();
  const error = update.error ?? reset.error ?? remove.error;

  const act = async (action: () => Promise<unknown>, done: string) => {
    setSaid('');
    try {
      await action();
      setSaid(done);
    } catch {
      // the error is shown from the mutation
    }
  };

  return (
    <div className="user-actions">
      <label>
        Role
        <select aria-label={`Role of ${user.email}`} value={role} onChange={(event) => setRole(event.target.value as Role)}>
          <option value="ADMIN">admin</option>
          <option value="OPERATOR">operator</option>
          <option value="VIEWER">viewer</option>
        </select>
      </label>
      {role !== user.role && (
        <button
          type="button"
          onClick={() => void act(() => update.mutateAsync({ userId: user.id, body: { role } }), `${user.email} is now ${role.toLowerCase()}.`)}
        >
          Change role
        </button>
      )}
      {user.disabled ? (
        <button
          type="button"
          className="secondary"
          aria-label={`Enable ${user.email}`}
          onClick={() => void act(() => update.mutateAsync({ userId: user.id, body: { disabled: false } }), `${user.email} is enabled.`)}
        >
          Enable
        </button>
      ) : (
        <button type="button" className="secondary" aria-label={`Disable ${user.email}`} onClick={() => setConfirming('disable')}>
          Disable
        </button>
      )}
      <button
        type="button"
        className="secondary"
        aria-label={`Reset password of ${user.email}`}
        onClick={() => setResetting((open) => !open)}
        aria-expanded={resetting}
      >
        Reset password
      </button>
      <button type="button" className="danger" aria-label={`Delete ${user.email}`} onClick={() => setConfirming('delete')}>
        Delete
      </button>
      {resetting && (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            void act(async () => {
              await reset.mutateAsync({ userId: user.id, newPassword: password });
              setPassword('');
              setResetting(false);
            }, `${user.email} has a new password; their sessions ended.`);
          }}
        >
          <label htmlFor={passwordId}>New password for {user.email}</label>
          <input id={passwordId} type="password" autoComplete="new-password" minLength={8} maxLength={72} required value={password} onChange={(event) => setPassword(event.target.value)} />
          <button type="submit" disabled={reset.isPending}>
            Set password
          </button>
        </form>
      )}
      {confirming && (
        <div role="alertdialog" aria-labelledby={`confirm-${user.id}`} className="confirm">
          <p id={`confirm-${user.id}`}>
            {confirming === 'disable'
              ? `Disable ${user.email}? They are signed out at their next request and cannot sign in until enabled.`
              : `Delete ${user.email}? This cannot be undone. Someone who uploaded videos is kept for the record and disabled instead.`}
          </p>
          <button
            type="button"
            className="danger"
            onClick={() => {
              const what = confirming;
              setConfirming(null);
              if (what === 'disable') {
                void act(() => update.mutateAsync({ userId: user.id, body: { disabled: true } }), `${user.email} is disabled.`);
              } else {
                setSaid('');
                remove.mutate(user.id, {
                  onSuccess: (kept) => setSaid(kept ? kept.detail : `${user.email} is deleted.`),
                });
              }
            }}
          >
            {confirming === 'disable' ? 'Disable' : 'Delete'}
          </button>
          <button type="button" className="secondary" onClick={() => setConfirming(null)}>
            Keep
          </button>
        </div>
      )}
      <p role="status" className="success">
        {said}
      </p>
      {error && (
        <p role="alert" className="error">
          {error.message}
        </p>
      )}
    </div>
  );
}
