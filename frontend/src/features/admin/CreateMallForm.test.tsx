import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeServer, problem, renderWithQueries } from '../../testing/api';
import { CreateMallForm } from './CreateMallForm';

describe('CreateMallForm', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('creates the mall, says so and empties the field', async () => {
    const received = fakeServer(() => ({ id: 'm1', name: 'North', created_at: '2026-12-06T08:00:00Z' }));
    renderWithQueries(<CreateMallForm />);

    await userEvent.type(screen.getByRole('textbox', { name: 'Mall name' }), 'North');
    await userEvent.click(screen.getByRole('button', { name: 'Create mall' }));

    expect(await screen.findByText('Mall “North” created.')).toBeInTheDocument();
    expect(received).toEqual([{ method: 'POST', path: '/api/malls', body: { name: 'North' } }]);
    expect(screen.getByRole('textbox', { name: 'Mall name' })).toHaveValue('');
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
