import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeServer, renderWithQueries } from '../../testing/api';
import { CreatePinForm } from './CreatePinForm';

const malls = [
  { id: 'm1', name: 'North', time_zone: 'UTC', created_at: '' },
  { id: 'm2', name: 'South', time_zone: 'Europe/Berlin', created_at: '' },
];

describe('CreatePinForm', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('creates the pin in the mall chosen and names both', async () => {
    const received = fakeServer(() => ({ id: 'p1', mall_id: 'm2', name: 'Entrance 3', created_at: '' }));
    renderWithQueries(<CreatePinForm malls={malls} />);

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Mall' }), 'South');
    await userEvent.type(screen.getByRole('textbox', { name: 'Pin name' }), 'Entrance 3');
    await userEvent.click(screen.getByRole('button', { name: 'Create pin' }));

    expect(await screen.findByText('Pin “Entrance 3” created in South.')).toBeInTheDocument();
    expect(received).toEqual([{ method: 'POST', path: '/api/malls/m2/pins', body: { name: 'Entrance 3' } }]);
  });

  it('says to create a mall first when there is none, and asks nothing', async () => {
    const received = fakeServer(() => ({}));
    renderWithQueries(<CreatePinForm malls={[]} />);

    await userEvent.type(screen.getByRole('textbox', { name: 'Pin name' }), 'Entrance');
    await userEvent.click(screen.getByRole('button', { name: 'Create pin' }));

    expect(screen.getByRole('alert')).toHaveTextContent('Create a mall first: a pin belongs to a mall.');
    expect(received).toEqual([]);
  });
});
