import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeServer, problem, renderWithQueries } from '../../testing/api';
import { TimelinePage } from './TimelinePage';
import { testClip } from './test-clips';

const MALL = 'm';
const PIN = 'p';

const clip = testClip;

const day = {
  from: '2026-03-28T23:00:00Z',
  to: '2026-03-29T22:00:00Z',
  time_zone: 'Europe/Berlin',
  pin_id: PIN,
  name: 'Entrance 3',
  clips: [
    clip('a', '2026-03-29T12:00:00Z', '2026-03-29T12:01:00Z'),
    clip('b', '2026-03-29T12:00:30Z', '2026-03-29T12:02:00Z', 'running'),
  ],
  gaps: [
    { start: '2026-03-28T23:00:00Z', end: '2026-03-29T12:00:00Z' },
    { start: '2026-03-29T12:02:00Z', end: '2026-03-29T22:00:00Z' },
  ],
  untimed_count: 3,
  truncated: false,
};

function renderAt(path: string) {
  const router = createMemoryRouter(
    [{ path: '/malls/:mallId/pins/:pinId/timeline', element: <TimelinePage mallId={MALL} pinId={PIN} pinName="Entrance 3" zone="Europe/Berlin" /> }],
    { initialEntries: [path] },
  );
  renderWithQueries(<RouterProvider router={router} />);
  return router;
}

describe('TimelinePage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks for the mall’s local day and says what the day holds, the untimed clips and the overlap included', async () => {
    const received = fakeServer(() => day);
    renderAt(`/malls/${MALL}/pins/${PIN}/timeline?date=2026-03-29`);

    expect(
      await screen.findByText(
        '2 clips, 2 gaps without footage · overlapping clips in 2 lanes · 3 videos have no recording time and are not on the timeline',
      ),
    ).toBeInTheDocument();
    expect(received[0].path).toBe(`/api/malls/${MALL}/pins/${PIN}/timeline`);
    expect(screen.getByText(/Sun 29 Mar 2026/)).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Timeline of Entrance 3 on 2026-03-29: 2 clips' })).toBeInTheDocument();
    await userEvent.click(screen.getByText('List of the day’s clips (2)'));
    expect(screen.getByRole('cell', { name: '14:00:00 CEST' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Play b.mp4 from 14:00:30 CEST' })).toBeDisabled();
  });

  it('refuses a time that is not one, and moves to the day before or after', async () => {
    fakeServer(() => day);
    const router = renderAt(`/malls/${MALL}/pins/${PIN}/timeline?date=2026-03-29`);
    await screen.findByText(/2 clips/);

    await userEvent.type(screen.getByLabelText('Go to time'), '14:61');
    await userEvent.click(screen.getByRole('button', { name: 'Go' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Minutes and seconds go from 00 to 59.');
    await userEvent.click(screen.getByRole('button', { name: 'Next day →' }));
    expect(router.state.location.search).toBe('?date=2026-03-30');
    await userEvent.click(screen.getByRole('button', { name: '← Previous day' }));
    await userEvent.click(screen.getByRole('button', { name: '← Previous day' }));
    expect(router.state.location.search).toBe('?date=2026-03-28');
  });

  it('says "not found" for a pin the viewer may not see', async () => {
    fakeServer(() => problem(404, 'Pin p was not found.'));
    renderAt(`/malls/${MALL}/pins/${PIN}/timeline?date=2026-03-29`);
    expect(await screen.findByRole('alert')).toHaveTextContent('This pin does not exist or belongs to a mall you have no access to.');
  });
});
