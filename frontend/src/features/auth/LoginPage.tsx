import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../lib/api/client';
import { useLogin } from './api/login';

/** Only paths of this app: `next` must not send the person to another site. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/malls';
}

export function failureSentence(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Signing in failed. Try again.';
  if (error.status === 429 && error.retryAfterSeconds) {
    return `${error.detail} Try again in ${error.retryAfterSeconds} seconds.`;
  }
  return error.detail;
}

export function LoginPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const expired = params.get('expired') === '1';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ email, password }, { onSuccess: () => void navigate(safeNext(params.get('next')), { replace: true }) });
  };

  return (
    <main className="login">
      <form onSubmit={submit} className="card login-card" aria-labelledby="sign-in-title" noValidate>
        <h1 id="sign-in-title">Spatial Intel Video</h1>
        <p className="muted">Sign in to upload and review footage.</p>
        {expired && !login.error && (
          <p role="status" className="notice">
            Your session ended. Sign in again to continue where you were.
          </p>
        )}
        <label htmlFor="email">Email</label>
        <input
          id="email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <label htmlFor="password">Password</label>
        <input
          id="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <div role="alert" className="error">
          {login.error ? failureSentence(login.error) : null}
        </div>
        <button type="submit" disabled={login.isPending}>
          {login.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
