import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeServer, problem, renderWithQueries } from '../../testing/api';
import { TimeZoneEditor } from './TimeZoneEditor';

const mall = { id: 'm1', name: 'North', time_zone: 'UTC', created_at: '' };

describe('TimeZoneEditor', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('offers Save once the zone changed, and saves it', async () => {
    const received = fakeServer(() => ({ ...mall, time_zone: 'Europe/Berlin' }));
    renderWithQueries(<TimeZoneEditor mall={mall} />);
    const zone = screen.getByRole('combobox', { name: 'Time zone of North' });
    const save = screen.getByRole('button', { name: 'Save time zone of North' });

    expect(zone).toHaveValue('UTC');
    expect(save).toBeDisabled();
    await userEvent.clear(zone);
    await userEvent.type(zone, 'Europe/Berlin');
    await userEvent.click(save);

    expect(await screen.findByText('Now in Europe/Berlin.')).toBeInTheDocument();
    expect(received).toEqual([{ method: 'PATCH', path: '/api/malls/m1', body: { time_zone: 'Europe/Berlin' } }]);
  });

  it('shows the server’s sentence for a zone it does not know', async () => {
    fakeServer(() =>
      problem(400, "time_zone 'Mars/Olympus' is not an IANA time zone; give one such as Europe/Berlin, America/New_York or UTC."),
    );
    renderWithQueries(<TimeZoneEditor mall={mall} />);

    const zone = screen.getByRole('combobox', { name: 'Time zone of North' });
    await userEvent.clear(zone);
    await userEvent.type(zone, 'Mars/Olympus');
    await userEvent.click(screen.getByRole('button', { name: 'Save time zone of North' }));

    expect(await screen.findByRole('alert')).toHaveTextContent("time_zone 'Mars/Olympus' is not an IANA time zone");
    expect(zone).toHaveAttribute('aria-invalid', 'true');
  });
});
