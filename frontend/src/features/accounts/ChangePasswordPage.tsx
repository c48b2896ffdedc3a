import { useState } from 'react';
import { session } from '../../lib/session';
import { useChangeOwnPassword } from './api/accounts';

/** Everyone's own password: the current one is needed; every other session of the account ends. */
export function ChangePasswordPage() {
  const change = useChangeOwnPassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const mismatch = repeat.length > 0 && repeat !== next;
  return (
    <section aria-labelledby="account-title">
      <h1 id="account-title">Your account</h1>
      <p className="muted">Signed in as {session.user()?.email}.</p>
      <form
        className="card narrow-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (mismatch) return;
          change.mutate(
            { current_password: current, new_password: next },
            {
              onSuccess: () => {
                setCurrent('');
                setNext('');
                setRepeat('');
              },
            },
          );
        }}
      >
        <h2>Change your password</h2>
        <div className="field">
          <label htmlFor="current-password">Current password</label>
          <input id="current-password" type="password" autoComplete="current-password" required value={current} onChange={(event) => setCurrent(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="new-password">New password</label>
          <input id="new-password" type="password" autoComplete="new-password" minLength={8} maxLength={72} required value={next} onChange={(event) => setNext(event.target.value)} />
          <p className="muted">8 to 72 characters.</p>
        </div>
        <div className="field">
          <label htmlFor="repeat-password">New password again</label>
          <input id="repeat-password" type="password" autoComplete="new-password" required aria-invalid={mismatch || undefined} value={repeat} onChange={(event) => setRepeat(event.target.value)} />
          {mismatch && <p className="field-error">The two new passwords differ.</p>}
        </div>
        <button type="submit" disabled={change.isPending}>
          Change password
        </button>
        <p role="status" className="success">
          {change.isSuccess ? 'Your password is changed. Your other sessions are signed out.' : ''}
        </p>
        {change.error && (
          <p role="alert" className="error">
            {change.error.message}
          </p>
        )}
      </form>
    </section>
  );
}
