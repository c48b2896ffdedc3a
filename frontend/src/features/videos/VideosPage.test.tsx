import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from '../../lib/session';
import { apiQuery, readFilters, writeFilters } from './list-filters';
import { VideosPage } from './VideosPage';

const MALL = '11111111-1111-1111-1111-111111111111';
const PIN = '22222222-2222-2222-2222-222222222222';

const video = (id: string, filename: string, processing_status: string) => ({
  id,
  filename,
  mall_id: MALL,
  mall_name: 'North',
  mall_time_zone: 'Europe/Berlin',
  pin_id: PIN,
  pin_name: 'Entrance',
  file_size_bytes: 1_000_000,
  duration_seconds: 3725,
  checksum_sha256: 'a'.repeat(64),
  recorded_at: '2026-11-01T08:00:00Z',
  uploaded_at: '2026-11-02T09:00:00Z',
  upload_status: 'uploaded',
  processing_status,
  processing_error: processing_status === 'failed' ? 'The video could not be converted completely.' : null,
  processing_job_id: null,
  has_proxy: processing_status === 'completed',
  poster_url: null,
  created_at: '2026-11-02T09:00:00Z',
  updated_at: '2026-11-02T09:00:00Z',
});

let requests: { method: string; url: URL }[];

function serve(videos: ReturnType<typeof video>[], total = videos.length) {
  requests = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((request: Request) => {
      const url = new URL(request.url);
      requests.push({ method: request.method, url });
      if (request.method === 'DELETE') return Promise.resolve(new Response(null, { status: 204 }));
      if (request.method === 'POST') {
        return Promise.resolve(Response.json({ video_id: 'x', job_id: 'y' }, { status: 202 }));
      }
      if (url.pathname === '/api/client-settings') {
        return Promise.resolve(Response.json({ max_upload_bytes: 1e9, signing_batch: 100, page_size: 40 }));
      }
      return Promise.resolve(Response.json({ videos, total, limit: 40, offset: Number(url.searchParams.get('offset') ?? 0) }));
    }),
  );
}

function renderAt(path: string, role: 'ADMIN' | 'OPERATOR' | 'VIEWER') {
  session.save('token', { id: 'u', email: 'someone@example.com', role, mall_ids: [], created_at: '' } as never);
  const router = createMemoryRouter(
    [
      { path: '/malls/:mallId/pins/:pinId/videos', element: <VideosPage mallId={MALL} pinId={PIN} /> },
      { path: '/videos/:videoId', element: <p>the player</p> },
      { path: '/malls/:mallId/pins/:pinId/timeline', element: <p>the timeline</p> },
    ],
    { initialEntries: [path] },
  );
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return router;
}

const listPath = `/malls/${MALL}/pins/${PIN}/videos`;
const listRequests = () => requests.filter((request) => request.method === 'GET' && request.url.pathname.endsWith('/videos'));

describe('the filters in the URL', () => {
  it('read back what they wrote, and ignore what they cannot mean', () => {
    const filters = { status: 'failed' as const, from: '2026-11-01', to: '2026-11-30', page: 3 };
    expect(writeFilters(filters).toString()).toBe('status=failed&from=2026-11-01&to=2026-11-30&page=3');
    expect(readFilters(writeFilters(filters))).toEqual(filters);
    expect(readFilters(new URLSearchParams('status=done&from=yesterday&to=2026-13-45&page=-2'))).toEqual({
      status: '',
      from: '',
      to: '',
      page: 1,
    });
    expect(writeFilters({ status: '', from: '', to: '', page: 1 }).toString()).toBe('');
  });

  it('become the API query: days from midnight, the last day included, pages of the server’s size', () => {
    const query = apiQuery({ status: 'completed', from: '2026-11-01', to: '2026-11-30', page: 2 }, 25);
    expect(query.status).toBe('completed');
    expect(new Date(query.from!).getTime()).toBe(new Date('2026-11-01T00:00:00').getTime());
    expect(new Date(query.to!).getTime()).toBe(new Date('2026-12-01T00:00:00').getTime());
    expect(query).toMatchObject({ limit: 25, offset: 25 });
  });
});

describe('VideosPage', () => {
  beforeEach(() => sessionStorage.clear());
  afterEach(() => vi.unstubAllGlobals());

  it('asks the API for what the URL says and shows the page and the total', async () => {
    serve([video('a', 'cam-a.mp4', 'failed')], 120);
    renderAt(`${listPath}?status=failed&page=2`, 'VIEWER');

    expect(await screen.findByText('cam-a.mp4')).toBeInTheDocument();
    const asked = listRequests()[0].url.searchParams;
    expect(asked.get('status')).toBe('failed');
    expect(asked.get('limit')).toBe('40');
    expect(asked.get('offset')).toBe('40');
    expect(screen.getByText('Page 2 of 3 · 120 videos')).toBeInTheDocument();
    expect(screen.getByLabelText('Status')).toHaveValue('failed');
    expect(screen.getByText('01:02:05')).toBeInTheDocument();
  });

  it('writes a changed filter into the URL and goes back to the first page', async () => {
    serve([video('a', 'cam-a.mp4', 'completed')], 120);
    const router = renderAt(`${listPath}?page=2`, 'OPERATOR');
    await screen.findByText('cam-a.mp4');

    await userEvent.selectOptions(screen.getByLabelText('Status'), 'completed');

    expect(router.state.location.search).toBe('?status=completed');
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(router.state.location.search).toBe('?status=completed&page=2');
    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(router.state.location.search).toBe('');
  });

  it('shows a viewer no Delete and no Reprocess', async () => {
    serve([video('a', 'cam-a.mp4', 'failed')]);
    renderAt(listPath, 'VIEWER');
    await screen.findByText('cam-a.mp4');

    expect(screen.queryByRole('button', { name: /Delete/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Reprocess/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Upload video' })).not.toBeInTheDocument();
  });

  it('offers an operator Reprocess for a failed video only, and Delete for every one', async () => {
    serve([video('a', 'cam-a.mp4', 'failed'), video('b', 'cam-b.mp4', 'completed')]);
    renderAt(listPath, 'OPERATOR');
    await screen.findByText('cam-a.mp4');

    expect(screen.getByRole('button', { name: 'Reprocess cam-a.mp4' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Reprocess cam-b.mp4' })).not.toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: /^Delete / })).toHaveLength(2);
    expect(screen.getByRole('link', { name: 'Upload video' })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Reprocess cam-a.mp4' }));
    expect(await screen.findByText('cam-a.mp4 is queued for processing again.')).toBeInTheDocument();
    expect(requests.some((request) => request.method === 'POST' && request.url.pathname === '/api/videos/a/reprocess')).toBe(true);
  });

  it('deletes only after the dialog naming the file is confirmed', async () => {
    serve([video('a', 'cam-a.mp4', 'completed')]);
    renderAt(listPath, 'ADMIN');
    await screen.findByText('cam-a.mp4');

    await userEvent.click(screen.getByRole('button', { name: 'Delete cam-a.mp4' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete cam-a.mp4?' });
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(requests.some((request) => request.method === 'DELETE')).toBe(false);

    await userEvent.click(screen.getByRole('button', { name: 'Delete cam-a.mp4' }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }));

    expect(await screen.findByText('Deleted cam-a.mp4.')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(requests.filter((request) => request.method === 'DELETE').map((request) => request.url.pathname)).toEqual([
      '/api/videos/a',
    ]);
  });

  it('says what to do when nothing matches the filters', async () => {
    serve([]);
    renderAt(`${listPath}?status=running`, 'OPERATOR');
    expect(await screen.findByText(/No videos match these filters/)).toBeInTheDocument();
  });

  it('shows times in the mall’s zone, links each clip to its moment on the timeline, and marks clips without a time', async () => {
    serve([video('a', 'cam-a.mp4', 'completed'), { ...video('b', 'cam-b.mp4', 'completed'), recorded_at: null as unknown as string }]);
    const router = renderAt(listPath, 'VIEWER');

    expect(await screen.findByText('1 Nov 2026, 09:00:00 CET')).toBeInTheDocument();
    expect(screen.getAllByText('2 Nov 2026, 10:00:00 CET')).toHaveLength(2);
    expect(screen.getByText('No recording time')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('link', { name: 'cam-a.mp4 on the timeline' }));
    expect(router.state.location.pathname).toBe(`/malls/${MALL}/pins/${PIN}/timeline`);
    expect(router.state.location.search).toBe('?date=2026-11-01&t=2026-11-01T08%3A00%3A00Z');
  });

  it('opens the player from a row', async () => {
    serve([video('a', 'cam-a.mp4', 'completed')]);
    const router = renderAt(listPath, 'VIEWER');
    await userEvent.click(await screen.findByText('01:02:05'));
    expect(router.state.location.pathname).toBe('/videos/a');
  });
});
