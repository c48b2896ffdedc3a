import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { vi } from 'vitest';

/** A request the fake server received, with its JSON body when it had one. */
export interface Received {
  method: string;
  path: string;
  body: unknown;
}

/**
 * Answers the app's fetches with `answer` (a JSON value, or a Response for errors) and records
 * each request; undo with `vi.unstubAllGlobals()`.
 */
export function fakeServer(answer: (request: Received) => unknown): Received[] {
  const received: Received[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => {
      const text = request.method === 'GET' ? '' : await request.text();
      const got = { method: request.method, path: new URL(request.url).pathname, body: text ? (JSON.parse(text) as unknown) : undefined };
      received.push(got);
      const result = answer(got);
      return result instanceof Response ? result : Response.json(result);
    }),
  );
  return received;
}

/** A problem+json answer as the API gives it. */
export function problem(status: number, detail: string, errors?: { field: string; message: string }[]): Response {
  return Response.json({ status, detail, ...(errors ? { errors } : {}) }, {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

/** Renders with a query client of its own that does not retry. */
export function renderWithQueries(ui: ReactElement) {
  return render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })}>
      {ui}
    </QueryClientProvider>,
  );
}
