import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { session } from '../../lib/session';
import { LoginPage } from './LoginPage';

function renderAt(path: string) {
  const router = createMemoryRouter(
    [
      { path: '/login', element: <LoginPage /> },
      { path: '*', element: <p>landed</p> },
    ],
    { initialEntries: [path] },
  );
  render(
    <QueryClientProvider client={new QueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return router;
}

const problem = (status: number, detail: string, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ status, detail }), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });

async function signIn(email: string, password: string) {
  await userEvent.type(screen.getByLabelText('Email'), email);
  await userEvent.type(screen.getByLabelText('Password'), password);
  await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('LoginPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the server sentence when the password is wrong', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(problem(401, 'The e-mail address or password is incorrect.'))));
    renderAt('/login');

    await signIn('a@b.example', 'nope');

    expect(await screen.findByRole('alert')).toHaveTextContent('The e-mail address or password is incorrect.');
    expect(session.token()).toBeNull();
  });

  it('says how long to wait when the server throttles sign-in (429)', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(problem(429, 'Too many failed sign-ins from this address.', { 'Retry-After': '42' }))),
    );
    renderAt('/login');

    await signIn('a@b.example', 'nope');

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Too many failed sign-ins from this address. Try again in 42 seconds.',
    );
  });

  it('keeps the token for the tab and goes back to where the person was', async () => {
    const user = { id: 'u1', email: 'op@b.example', role: 'OPERATOR', mall_ids: [], created_at: '2026-01-01T00:00:00Z' };
    const fetch = vi.fn(async (request: Request) => {
      expect(await request.json()).toEqual({ email: 'op@b.example', password: 'secret-password' });
      return new Response(JSON.stringify({ token: 'jwt', expires_at: '2026-12-02T00:00:00Z', user }), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      });
    });
    vi.stubGlobal('fetch', fetch);
    const router = renderAt('/login?next=%2Fmalls%2Fm1%2Fpins%2Fp1%2Fupload');

    await signIn('op@b.example', 'secret-password');

    expect(await screen.findByText('landed')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/malls/m1/pins/p1/upload');
    expect(session.token()).toBe('jwt');
    expect(sessionStorage.getItem('siv.token')).toBe('jwt');
  });

  it('never follows a next address to another site', async () => {
    const user = { id: 'u1', email: 'op@b.example', role: 'OPERATOR', mall_ids: [], created_at: '2026-01-01T00:00:00Z' };
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(new Response(JSON.stringify({ token: 'jwt', expires_at: 'x', user }), { status: 200, headers: { 'Content-Type': 'application/json' } }))),
    );
    const router = renderAt('/login?next=%2F%2Fevil.example%2F');

    await signIn('op@b.example', 'secret-password');

    await screen.findByText('landed');
    expect(router.state.location.pathname).toBe('/malls');
  });
});
