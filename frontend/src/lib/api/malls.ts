import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from './client';

export const mallsQuery = () =>
  queryOptions({
    queryKey: ['malls'],
    queryFn: async () => (await unwrap(api.GET('/api/malls'))).malls,
  });

export const useMalls = () => useQuery(mallsQuery());
export const pinsQuery = (mallId: string) =>
  queryOptions({
    queryKey: ['malls', mallId, 'pins'],
    queryFn: async () => (await unwrap(api.GET('/api/malls/{mall_id}/pins', { params: { path: { mall_id: mallId } } }))).pins,
  });

export const usePins = (mallId: string) => useQuery(pinsQuery(mallId));
