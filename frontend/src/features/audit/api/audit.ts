import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import { session } from '../../../lib/session';

export interface AuditFilters {
  user: string;
  action: string;
  mallId: string;
  /** Instants (ISO-8601), or empty. */
  from: string;
  to: string;
}

export const PAGE = 50;

const query = (filters: AuditFilters) => ({
  ...(filters.user ? { user: filters.user } : {}),
  ...(filters.action ? { action: filters.action } : {}),
  ...(filters.mallId ? { mall_id: filters.mallId } : {}),
  ...(filters.from ? { from: filters.from } : {}),
  ...(filters.to ? { to: filters.to } : {}),
});

export const useAuditLog = (filters: AuditFilters, page: number) =>
  useQuery({
    queryKey: ['audit', filters, page],
    queryFn: () => unwrap(api.GET('/api/admin/audit', { params: { query: { ...query(filters), limit: PAGE, offset: page * PAGE } } })),
    placeholderData: keepPreviousData,
  });

export const useVerifyChain = () => useMutation({ mutationFn: () => unwrap(api.GET('/api/admin/audit/verify')) });

/** The CSV of the same filter, fetched with the sign-in and handed to the browser as a download. */
export async function downloadCsv(filters: AuditFilters): Promise<void> {
  const url = new URL('/api/admin/audit/export.csv', window.location.origin);
  Object.entries(query(filters)).forEach(([key, value]) => url.searchParams.set(key, value));
  const response = await fetch(url, { headers: { Authorization: `Bearer ${session.token() ?? ''}` } });
  if (!response.ok) throw new Error(`The CSV could not be made (the server answered ${response.status}).`);
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = 'audit-log.csv';
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
