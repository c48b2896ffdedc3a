import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeServer, problem, renderWithQueries } from '../../testing/api';
import { CreateUserForm } from './CreateUserForm';

const malls = [
  { id: 'm1', name: 'North', time_zone: 'UTC', created_at: '' },
  { id: 'm2', name: 'South', time_zone: 'Europe/Berlin', created_at: '' },
];

describe('CreateUserForm', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('creates a viewer of the malls ticked and says so', async () => {
    const received = fakeServer(() => ({ id: 'u1', email: 'ana@example.com', role: 'VIEWER', mall_ids: ['m2'], created_at: '' }));
    renderWithQueries(<CreateUserForm malls={malls} />);

    await userEvent.type(screen.getByRole('textbox', { name: 'Email' }), 'ana@example.com');
    await userEvent.type(screen.getByLabelText('Password'), 'a-long-password');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Role' }), 'Viewer: plays');
    await userEvent.click(screen.getByRole('checkbox', { name: 'South' }));
    await userEvent.click(screen.getByRole('button', { name: 'Create user' }));

    expect(await screen.findByText('User ana@example.com created as viewer.')).toBeInTheDocument();
    expect(received).toEqual([
      {
        method: 'POST',
        path: '/api/users',
        body: { email: 'ana@example.com', password: 'a-long-password', role: 'VIEWER', mall_ids: ['m2'] },
      },
    ]);
    expect(screen.getByRole('checkbox', { name: 'South' })).not.toBeChecked();
  });

  it('puts each of the server’s objections next to its field', async () => {
    fakeServer(() =>
      problem(400, 'The request is invalid: email must be a well-formed email address.', [
        { field: 'email', message: 'must be a well-formed email address' },
        { field: 'password', message: 'size must be between 8 and 72' },
      ]),
    );
    renderWithQueries(<CreateUserForm malls={malls} />);

    await userEvent.type(screen.getByRole('textbox', { name: 'Email' }), 'not-an-address');
    await userEvent.type(screen.getByLabelText('Password'), 'short');
    await userEvent.click(screen.getByRole('button', { name: 'Create user' }));

    expect(await screen.findByText('Email must be a well-formed email address.')).toBeInTheDocument();
    expect(screen.getByText('Password size must be between 8 and 72.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Email' })).toHaveAttribute('aria-invalid', 'true');
  });
});
