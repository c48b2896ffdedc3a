import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeServer, problem, renderWithQueries } from '../../testing/api';
import { UserActions } from './UserActions';

const user = { id: 'u1', email: 'guard@example.com', role: 'OPERATOR' as const, mall_ids: [], created_at: '', disabled: false };

describe('UserActions', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('disables only once confirmed', async () => {
    const received = fakeServer(() => ({ ...user, disabled: true }));
    renderWithQueries(<UserActions user={user} />);

    await userEvent.click(screen.getByRole('button', { name: 'Disable guard@example.com' }));
    expect(received).toHaveLength(0);
    expect(screen.getByRole('alertdialog')).toHaveTextContent('Disable guard@example.com? They are signed out at their next request');
    await userEvent.click(screen.getByRole('button', { name: 'Disable' }));
    expect(await screen.findByText('guard@example.com is disabled.')).toBeInTheDocument();
    expect(received[0]).toMatchObject({ method: 'PATCH', path: '/api/users/u1', body: { disabled: true } });
  });

  it('says when a deleted uploader was kept and disabled, and shows a refusal', async () => {
    fakeServer(({ method }) =>
      method === 'DELETE'
        ? { user: { ...user, disabled: true }, detail: 'guard@example.com uploaded videos, so the account is kept for the record and disabled instead of deleted.' }
        : problem(409, 'admin@example.com is the last active admin: make another user an admin before you demote this one.'),
    );
    renderWithQueries(<UserActions user={user} />);

    await userEvent.click(screen.getByRole('button', { name: 'Delete guard@example.com' }));
    await userEvent.click(screen.getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText(/kept for the record and disabled instead of deleted/)).toBeInTheDocument();

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Role of guard@example.com' }), 'VIEWER');
    await userEvent.click(screen.getByRole('button', { name: 'Change role' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('is the last active admin');
  });

  it('sets a new password of 8 characters or more', async () => {
    const received = fakeServer(() => user);
    renderWithQueries(<UserActions user={user} />);

    await userEvent.click(screen.getByRole('button', { name: 'Reset password of guard@example.com' }));
    await userEvent.type(screen.getByLabelText('New password for guard@example.com'), 'a-new-password');
    await userEvent.click(screen.getByRole('button', { name: 'Set password' }));
    expect(await screen.findByText('guard@example.com has a new password; their sessions ended.')).toBeInTheDocument();
    expect(received[0]).toMatchObject({ method: 'POST', path: '/api/users/u1/password', body: { new_password: 'a-new-password' } });
  });
});
