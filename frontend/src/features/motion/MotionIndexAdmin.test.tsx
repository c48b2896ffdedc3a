import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeServer, renderWithQueries } from '../../testing/api';
import { MotionIndexAdmin } from './MotionIndexAdmin';

describe('MotionIndexAdmin', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('queues the missing indexes and says how many', async () => {
    const received = fakeServer(() => ({ queued: 3, already_running: 1 }));
    renderWithQueries(<MotionIndexAdmin />);

    await userEvent.click(screen.getByRole('button', { name: 'Build missing motion indexes' }));

    expect(await screen.findByText('3 jobs queued, 1 already waiting or running; follow them in the job dashboard.')).toBeInTheDocument();
    expect(received[0]).toMatchObject({ method: 'POST', path: '/api/admin/motion-indexes' });
  });
});
