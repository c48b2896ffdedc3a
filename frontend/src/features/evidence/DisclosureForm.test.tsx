import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeServer, problem, renderWithQueries } from '../../testing/api';
import { DisclosureForm } from './DisclosureForm';

const fill = async () => {
  await userEvent.type(screen.getByLabelText('Recipient name'), 'DS Jane Marple');
  await userEvent.type(screen.getByLabelText('Recipient organisation'), 'Metropolitan Police');
  await userEvent.type(screen.getByLabelText('Purpose'), 'Theft at the north entrance');
  await userEvent.type(screen.getByLabelText('Reference (e.g. police incident number)'), 'INC-42');
};

describe('DisclosureForm', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends what is exported with the disclosure and the chosen cut, and hands on the new export', async () => {
    const received = fakeServer(() => ({ id: 'e1', status: 'queued' }));
    const started = vi.fn();
    renderWithQueries(
      <DisclosureForm
        mallId="m"
        scope={{ video_id: 'v', in_seconds: 7, out_seconds: 13 }}
        summary="From 00:00:07 to 00:00:13 of door.mp4"
        onStarted={started}
        onCancel={() => undefined}
      />,
    );

    await fill();
    await userEvent.click(screen.getByLabelText(/Frame-exact, re-encoded/));
    await userEvent.click(screen.getByRole('button', { name: 'Start export' }));

    await vi.waitFor(() => expect(started).toHaveBeenCalledWith('e1'));
    expect(received[0]).toEqual({
      method: 'POST',
      path: '/api/malls/m/exports',
      body: {
        video_id: 'v',
        in_seconds: 7,
        out_seconds: 13,
        mode: 'frame_exact',
        recipient_name: 'DS Jane Marple',
        recipient_organisation: 'Metropolitan Police',
        purpose: 'Theft at the north entrance',
        reference: 'INC-42',
      },
    });
  });

  it('shows the server’s sentence by its field, and one about the range above', async () => {
    let answer: Response = problem(400, 'The request is invalid.', [{ field: 'reference', message: 'must not be blank' }]);
    fakeServer(() => answer);
    renderWithQueries(
      <DisclosureForm mallId="m" scope={{ video_id: 'v', in_seconds: 9, out_seconds: 8 }} summary="" onStarted={() => undefined} onCancel={() => undefined} />,
    );

    await fill();
    await userEvent.click(screen.getByRole('button', { name: 'Start export' }));
    expect(await screen.findByText('Reference must not be blank.')).toBeInTheDocument();

    answer = problem(400, 'Out (8 s) must be after In (9 s).');
    await userEvent.click(screen.getByRole('button', { name: 'Start export' }));
    expect(await screen.findByText('Out (8 s) must be after In (9 s).')).toBeInTheDocument();
  });
});
