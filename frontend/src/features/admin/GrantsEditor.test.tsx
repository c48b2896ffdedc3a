import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeServer, problem, renderWithQueries } from '../../testing/api';
import { GrantsEditor } from './GrantsEditor';

const malls = [
  { id: 'm1', name: 'North', time_zone: 'UTC', created_at: '' },
  { id: 'm2', name: 'South', time_zone: 'Europe/Berlin', created_at: '' },
];
const user = { id: 'u1', email: 'ana@example.com', role: 'OPERATOR' as const, mall_ids: ['m1'], created_at: '', disabled: false };

describe('GrantsEditor', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('offers Save once the malls changed, and saves them', async () => {
    const received = fakeServer(() => ({ ...user, mall_ids: ['m1', 'm2'] }));
    renderWithQueries(<GrantsEditor user={user} malls={malls} />);
    const save = screen.getByRole('button', { name: 'Save grants of ana@example.com' });

    expect(screen.getByRole('checkbox', { name: 'North' })).toBeChecked();
    expect(save).toBeDisabled();
    await userEvent.click(screen.getByRole('checkbox', { name: 'South' }));
    expect(save).toBeEnabled();
    await userEvent.click(save);

    expect(await screen.findByText('Grants saved.')).toBeInTheDocument();
    expect(received).toEqual([{ method: 'PUT', path: '/api/users/u1/malls', body: { mall_ids: ['m1', 'm2'] } }]);
  });

  it('says why the server refused', async () => {
    fakeServer(() => problem(400, 'Mall m9 does not exist.'));
    renderWithQueries(<GrantsEditor user={user} malls={malls} />);

    await userEvent.click(screen.getByRole('checkbox', { name: 'North' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save grants of ana@example.com' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Mall m9 does not exist.');
  });
});
