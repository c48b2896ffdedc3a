import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { session } from '../../lib/session';
import { VideoDetailsPage } from './VideoDetailsPage';

const details = (processing_status: string, extra: Record<string, unknown> = {}) => ({
  id: 'v',
  filename: 'cam-a.mp4',
  mall_id: 'm',
  mall_name: 'North',
  mall_time_zone: 'Europe/Berlin',
  pin_id: 'p',
  pin_name: 'Entrance',
  file_size_bytes: 1_000_000,
  duration_seconds: 30,
  checksum_sha256: 'a'.repeat(64),
  recorded_at: '2026-11-01T08:00:00Z',
  uploaded_at: '2026-11-02T09:00:00Z',
  uploaded_by_email: 'operator@example.com',
  upload_status: 'uploaded',
  processing_status,
  processing_error: null,
  processing_job_id: 'j',
  has_proxy: processing_status === 'completed',
  created_at: '2026-11-02T09:00:00Z',
  updated_at: '2026-11-02T09:00:00Z',
  ...extra,
});

function renderPage(role: 'OPERATOR' | 'VIEWER') {
  session.save('token', { id: 'u', email: 'someone@example.com', role, mall_ids: [], created_at: '' } as never);
  const router = createMemoryRouter([{ path: '/videos/:videoId', element: <VideoDetailsPage videoId="v" /> }], {
    initialEntries: ['/videos/v'],
  });
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

describe('VideoDetailsPage', () => {
  beforeEach(() => sessionStorage.clear());
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('shows the job progress while processing and opens the player by itself once it is done', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let answer = details('running');
    vi.stubGlobal(
      'fetch',
      vi.fn((request: Request) => {
        const path = new URL(request.url).pathname;
        if (path === '/api/analysis/jobs/j') return Promise.resolve(Response.json({ id: 'j', status: 'running', progress: 40 }));
        if (path === '/api/videos/v/stream-url') {
          return Promise.resolve(
            Response.json({
              url: '/api/videos/v/proxy?expires=1&signature=s',
              expires_at: '2099-01-01T00:00:00Z',
              previews_url: null,
              frame_rate: 10,
            }),
          );
        }
        return Promise.resolve(Response.json(answer));
      }),
    );
    renderPage('VIEWER');

    expect(await screen.findByText('Processing video… 40 %')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Play' })).not.toBeInTheDocument();

    answer = details('completed');
    // the page asks again every 3 s while the video is on its way
    await vi.advanceTimersByTimeAsync(3_000);
    expect(await screen.findByRole('button', { name: 'Play' })).toBeInTheDocument();
    expect(screen.getByText('Verified')).toBeInTheDocument();
    expect(screen.getByText(/by operator@example\.com/)).toBeInTheDocument();
  });

  it('says a queued video waits, rather than showing a processing that has not started', async () => {
    const requested: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((request: Request) => {
        requested.push(new URL(request.url).pathname);
        return Promise.resolve(Response.json(details('queued')));
      }),
    );
    renderPage('VIEWER');

    expect(await screen.findByText('Processing queued…')).toBeInTheDocument();
    expect(screen.queryByText(/Processing video/)).not.toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(screen.getByText('The player opens here by itself when the video is ready.')).toBeInTheDocument();
    expect(requested).not.toContain('/api/analysis/jobs/j');
  });

  it('gives the reason of a failure and Reprocess to an operator only', async () => {
    const failed = details('failed', { processing_error: 'The video could not be converted completely.' });
    const posts: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((request: Request) => {
        if (request.method === 'POST') {
          posts.push(new URL(request.url).pathname);
          return Promise.resolve(Response.json({ video_id: 'v', job_id: 'k' }, { status: 202 }));
        }
        return Promise.resolve(Response.json(failed));
      }),
    );
    renderPage('OPERATOR');

    expect(await screen.findByText('❌ Failed: The video could not be converted completely.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Reprocess' }));
    expect(posts).toEqual(['/api/videos/v/reprocess']);
    cleanup();

    renderPage('VIEWER');
    expect(await screen.findByText('❌ Failed: The video could not be converted completely.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Reprocess' })).not.toBeInTheDocument();
  });

  it('says when a video is not there, or not the viewer’s to see', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(Response.json({ status: 404, detail: 'No such video.' }, { status: 404, headers: { 'Content-Type': 'application/problem+json' } }))),
    );
    renderPage('VIEWER');
    expect(await screen.findByRole('heading', { name: 'Video not found' })).toBeInTheDocument();
  });
});
