import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';
import { session } from '../session';

export type Schemas = components['schemas'];

/** A problem+json answer (RFC 9457) as the UI shows it: the server's sentence, field by field where it says. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly fieldErrors: Record<string, string> = {},
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(detail);
    this.name = 'ApiError';
  }
}

type ProblemBody = { detail?: string; title?: string; errors?: { field: string; message: string }[] };

export function toApiError(response: Response, body: unknown): ApiError {
  const problem = (body ?? {}) as ProblemBody;
  const fieldErrors: Record<string, string> = {};
  for (const error of problem.errors ?? []) {
    fieldErrors[error.field] = fieldErrors[error.field] ? `${fieldErrors[error.field]}; ${error.message}` : error.message;
  }
  const retryAfter = Number(response.headers.get('Retry-After'));
  const detail =
    problem.detail ?? problem.title ?? `The server answered ${response.status} ${response.statusText}`.trim() + '.';
  return new ApiError(response.status, detail, fieldErrors, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null);
}

let onUnauthorized: () => void = () => {};

/** The app decides what a 401 means for the screen (back to sign-in, then back here). */
export function setUnauthorizedHandler(handler: () => void) {
  onUnauthorized = handler;
}

const bearer: Middleware = {
  onRequest({ request }) {
    const token = session.token();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && !request.url.endsWith('/api/auth/login')) {
      session.clear();
      onUnauthorized();
    }
    return response;
  },
};

export const api = createClient<paths>({
  baseUrl: globalThis.location?.origin ?? 'http://localhost',
  // looked up at each call, so that a test can stand in for the network
  fetch: (request) => globalThis.fetch(request),
});
api.use(bearer);

/** Unwraps an openapi-fetch result: the data, or an {@link ApiError} with the server's sentence. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result;
  try {
    result = await call;
  } catch {
    throw new ApiError(0, 'The server cannot be reached. Check the network connection and try again.');
  }
  if (result.error !== undefined || !result.response.ok) throw toApiError(result.response, result.error);
  return result.data as T;
}
