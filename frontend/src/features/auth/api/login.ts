import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import { session } from '../../../lib/session';

export async function login(email: string, password: string) {
  const answer = await unwrap(api.POST('/api/auth/login', { body: { email, password } }));
  session.save(answer.token, answer.user);
  return answer;
}

export function useLogin() {
  return useMutation({ mutationFn: ({ email, password }: { email: string; password: string }) => login(email, password) });
}
