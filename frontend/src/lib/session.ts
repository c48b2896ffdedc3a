import type { components } from './api/schema';

type User = components['schemas']['UserResponse'];

const TOKEN = 'siv.token';
const USER = 'siv.user';

/** The sign-in lives for the tab: sessionStorage, so closing the tab signs out. */
export const session = {
  token(): string | null {
    return sessionStorage.getItem(TOKEN);
  },
  user(): User | null {
    const stored = sessionStorage.getItem(USER);
    return stored ? (JSON.parse(stored) as User) : null;
  },
  save(token: string, user: User) {
    sessionStorage.setItem(TOKEN, token);
    sessionStorage.setItem(USER, JSON.stringify(user));
  },
  clear() {
    sessionStorage.removeItem(TOKEN);
    sessionStorage.removeItem(USER);
  },
};
