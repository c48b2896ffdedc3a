import type { components } from './api/schema';
import { session } from './session';

export type Role = components['schemas']['UserResponse']['role'];

/** What each role may do, as the API decides it (its @PreAuthorize rules); the UI only hides what would be refused. */
const ALLOWED = {
  /** Upload to a pin of a granted mall. */
  upload: ['OPERATOR', 'ADMIN'],
  /** Delete or reprocess a video of a granted mall. */
  changeVideos: ['OPERATOR', 'ADMIN'],
  /** Malls, pins and users, in every mall. */
  administer: ['ADMIN'],
} as const satisfies Record<string, readonly Role[]>;

export type Ability = keyof typeof ALLOWED;

/** Whether the signed-in user (or the given role) may do this; nobody signed in may do nothing. */
export function may(ability: Ability, role: Role | undefined = session.user()?.role): boolean {
  return role !== undefined && (ALLOWED[ability] as readonly Role[]).includes(role);
}
