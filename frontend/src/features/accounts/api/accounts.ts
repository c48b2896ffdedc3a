import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../../lib/api/client';
import { session } from '../../../lib/session';

/** Every change of a user is read back by the users' list. */
function useUserChange<V, T>(change: (variables: V) => Promise<T>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: change, onSettled: () => client.invalidateQueries({ queryKey: ['users'] }) });
}

export const useUpdateUser = () =>
  useUserChange(({ userId, body }: { userId: string; body: Schemas['UpdateUserRequest'] }) =>
    unwrap(api.PATCH('/api/users/{user_id}', { params: { path: { user_id: userId } }, body })),
  );

export const useResetPassword = () =>
  useUserChange(({ userId, newPassword }: { userId: string; newPassword: string }) =>
    unwrap(api.POST('/api/users/{user_id}/password', { params: { path: { user_id: userId } }, body: { new_password: newPassword } })),
  );

/** Gone (null), or kept and disabled with the server's sentence. */
export const useDeleteUser = () =>
  useUserChange(async (userId: string) => (await unwrap(api.DELETE('/api/users/{user_id}', { params: { path: { user_id: userId } } }))) ?? null);

/** The caller's own password; the new token replaces the old one (which stops working). */
export function useChangeOwnPassword() {
  return useMutation({
    mutationFn: (body: Schemas['ChangePasswordRequest']) => unwrap(api.POST('/api/me/password', { body })),
    onSuccess: (answer) => session.save(answer.token, answer.user),
  });
}

/** Malls and pins: renamed, or deleted when they hold no footage. */
function usePlaceChange<V, T>(change: (variables: V) => Promise<T>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: change, onSettled: () => client.invalidateQueries({ queryKey: ['malls'] }) });
}

export const useRenameMall = () =>
  usePlaceChange(({ mallId, name }: { mallId: string; name: string }) =>
    unwrap(api.PATCH('/api/malls/{mall_id}', { params: { path: { mall_id: mallId } }, body: { name } })),
  );

export const useDeleteMall = () =>
  usePlaceChange((mallId: string) => unwrap(api.DELETE('/api/malls/{mall_id}', { params: { path: { mall_id: mallId } } })));

export const useRenamePin = () =>
  usePlaceChange(({ mallId, pinId, name }: { mallId: string; pinId: string; name: string }) =>
    unwrap(api.PATCH('/api/malls/{mall_id}/pins/{pin_id}', { params: { path: { mall_id: mallId, pin_id: pinId } }, body: { name } })),
  );

export const useDeletePin = () =>
  usePlaceChange(({ mallId, pinId }: { mallId: string; pinId: string }) =>
    unwrap(api.DELETE('/api/malls/{mall_id}/pins/{pin_id}', { params: { path: { mall_id: mallId, pin_id: pinId } } })),
  );
