import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeServer, problem, renderWithQueries } from '../../testing/api';
import { CreateMallForm } from './CreateMallForm';

describe('CreateMallForm', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('creates the mall, says so and empties the field', async () => {
    const received = fakeServer(() => ({ id: 'm1', name: 'North', time_zone: 'UTC', created_at: '2026-12-06T08:00:00Z' }));
    renderWithQueries(<CreateMallForm />);

    await userEvent.type(screen.getByRole('textbox', { name: 'Mall name' }), 'North');
    expect(screen.getByRole('combobox', { name: 'Time zone' })).toHaveValue('UTC');
    await userEvent.click(screen.getByRole('button', { name: 'Create mall' }));

    expect(await screen.findByText('Mall “North” created, in UTC.')).toBeInTheDocument();
    expect(received).toEqual([{ method: 'POST', path: '/api/malls', body: { name: 'North', time_zone: 'UTC' } }]);
    expect(screen.getByRole('textbox', { name: 'Mall name' })).toHaveValue('');
  });

  it('creates the mall in the time zone typed', async () => {
    const received = fakeServer(() => ({ id: 'm1', name: 'Mitte', time_zone: 'Europe/Berlin', created_at: '' }));
    renderWithQueries(<CreateMallForm />);

    await userEvent.type(screen.getByRole('textbox', { name: 'Mall name' }), 'Mitte');
    const zone = screen.getByRole('combobox', { name: 'Time zone' });
    await userEvent.clear(zone);
    await userEvent.type(zone, 'Europe/Berlin');
    await userEvent.click(screen.getByRole('button', { name: 'Create mall' }));

    expect(await screen.findByText('Mall “Mitte” created, in Europe/Berlin.')).toBeInTheDocument();
    expect(received[0].body).toEqual({ name: 'Mitte', time_zone: 'Europe/Berlin' });
  });

  it('says next to the name that it is taken', async () => {
    fakeServer(() => problem(409, "A mall named 'North' already exists."));
    renderWithQueries(<CreateMallForm />);

    await userEvent.type(screen.getByRole('textbox', { name: 'Mall name' }), 'North');
    await userEvent.click(screen.getByRole('button', { name: 'Create mall' }));

    expect(await screen.findByRole('alert')).toHaveTextContent("A mall named 'North' already exists.");
    expect(screen.getByRole('textbox', { name: 'Mall name' })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('textbox', { name: 'Mall name' })).toHaveValue('North');
  });
});
