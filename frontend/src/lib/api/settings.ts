import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from './client';

/** The server's limits (upload size, part size, link lifetimes): read, never repeated as constants. */
export const clientSettingsQuery = () =>
  queryOptions({
    queryKey: ['client-settings'],
    queryFn: () => unwrap(api.GET('/api/client-settings')),
    staleTime: Infinity,
  });

export const useClientSettings = () => useQuery(clientSettingsQuery());
