/** A pin's video list as the URL keeps it: `?status=failed&from=2026-11-01&to=2026-11-30&page=2`. */
export interface ListFilters {
  status: StatusFilter | '';
  /** First recording day shown (YYYY-MM-DD, the viewer's time zone), inclusive. */
  from: string;
  /** Last recording day shown, inclusive. */
  to: string;
  page: number;
}

export const STATUS_FILTERS = ['uploading', 'uploaded', 'pending', 'queued', 'running', 'completed', 'failed'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export const STATUS_LABELS: Record<StatusFilter, string> = {
  uploading: 'Uploading',
  uploaded: 'Uploaded',
  pending: 'Waiting for processing',
  queued: 'Queued',
  running: 'Processing',
  completed: 'Complete',
  failed: 'Failed',
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** What the URL asks for; anything it cannot mean is no filter (a hand-edited link still opens). */
export function readFilters(params: URLSearchParams): ListFilters {
  const status = params.get('status') ?? '';
  const page = Number(params.get('page') ?? '1');
  const day = (name: string) => {
    const value = params.get(name) ?? '';
    return DAY.test(value) && !Number.isNaN(new Date(`${value}T00:00:00`).getTime()) ? value : '';
  };
  return {
    status: (STATUS_FILTERS as readonly string[]).includes(status) ? (status as StatusFilter) : '',
    from: day('from'),
    to: day('to'),
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** The URL of these filters: only what is set, so a plain list has a plain URL. */
export function writeFilters(filters: ListFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}

/**
 * The API's query: days become instants at the viewer's midnight; `to` is exclusive, so the day
 * after; pages of the server's `page_size` (client settings).
 */
export function apiQuery(filters: ListFilters, pageSize: number) {
  const midnight = (day: string, plusDays = 0) => {
    const date = new Date(`${day}T00:00:00`);
    date.setDate(date.getDate() + plusDays);
    return date.toISOString();
  };
  return {
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.from ? { from: midnight(filters.from) } : {}),
    ...(filters.to ? { to: midnight(filters.to, 1) } : {}),
    limit: pageSize,
    offset: (filters.page - 1) * pageSize,
  };
}

export function hasFilters(filters: ListFilters): boolean {
  return filters.status !== '' || filters.from !== '' || filters.to !== '';
}
