import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../../lib/api/client';

export const usersQuery = () =>
  queryOptions({ queryKey: ['users'], queryFn: async () => (await unwrap(api.GET('/api/users'))).users });

export const useUsers = () => useQuery(usersQuery());

export function useCreateMall() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ name, timeZone }: { name: string; timeZone: string }) =>
      unwrap(api.POST('/api/malls', { body: { name, time_zone: timeZone } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['malls'], exact: true }),
  });
}

export function useChangeTimeZone() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ mallId, timeZone }: { mallId: string; timeZone: string }) =>
      unwrap(api.PATCH('/api/malls/{mall_id}', { params: { path: { mall_id: mallId } }, body: { time_zone: timeZone } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['malls'], exact: true }),
  });
}

export function useCreatePin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ mallId, name }: { mallId: string; name: string }) =>
      unwrap(api.POST('/api/malls/{mall_id}/pins', { params: { path: { mall_id: mallId } }, body: { name } })),
    onSuccess: (_, { mallId }) => client.invalidateQueries({ queryKey: ['malls', mallId, 'pins'] }),
  });
}

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['CreateUserRequest']) => unwrap(api.POST('/api/users', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['users'] }),
  });
}

export function useReplaceGrants() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, mallIds }: { userId: string; mallIds: string[] }) =>
      unwrap(api.PUT('/api/users/{user_id}/malls', { params: { path: { user_id: userId } }, body: { mall_ids: mallIds } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['users'] }),
  });
}
