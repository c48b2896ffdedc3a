import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from '../../lib/session';
import { fakeServer, renderWithQueries } from '../../testing/api';
import { VideoHolds } from './VideoHolds';

const hold = {
  id: 'h1',
  mall_id: 'm',
  video_id: 'v',
  pin_id: null,
  reason: 'Police request 2026/114',
  review_on: '2027-06-30',
  placed_by: 'admin@example.com',
  placed_at: '2026-12-06T10:00:00Z',
  active: true,
};

const signInAs = (role: 'ADMIN' | 'VIEWER') =>
  session.save('token', { id: 'u', email: 'someone@example.com', role, mall_ids: [], created_at: '', disabled: false });

describe('VideoHolds', () => {
  beforeEach(() => sessionStorage.clear());
  afterEach(() => vi.unstubAllGlobals());

  it('lets an admin place a hold with a reason and a review date, then shows it', async () => {
    signInAs('ADMIN');
    let placed = false;
    const received = fakeServer(({ method }) => {
      if (method === 'POST') {
        placed = true;
        return hold;
      }
      return { holds: placed ? [hold] : [] };
    });
    renderWithQueries(<VideoHolds videoId="v" />);

    expect(await screen.findByText(/under no legal hold/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Place a legal hold' }));
    await userEvent.type(screen.getByLabelText('Reason'), 'Police request 2026/114');
    await userEvent.type(screen.getByLabelText('Review on'), '2027-06-30');
    await userEvent.click(screen.getByRole('button', { name: 'Place hold' }));

    expect(await screen.findByText('Police request 2026/114')).toBeInTheDocument();
    expect(screen.getByText(/review on Wed 30 Jun 2027/)).toBeInTheDocument();
    expect(received.find((request) => request.method === 'POST')).toMatchObject({
      path: '/api/admin/holds',
      body: { video_id: 'v', reason: 'Police request 2026/114', review_on: '2027-06-30' },
    });
  });

  it('shows a viewer the hold but no way to place or lift one', async () => {
    signInAs('VIEWER');
    fakeServer(() => ({ holds: [hold] }));
    renderWithQueries(<VideoHolds videoId="v" />);

    expect(await screen.findByText('Police request 2026/114')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Place a legal hold' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Lift/ })).toBeNull();
  });
});
