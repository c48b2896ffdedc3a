import { ApiError } from './api/client';

/**
 * Where to show what the server said about a form: next to the field it names (validation
 * errors name JSON fields), a conflict next to the field that must be unique, the rest above.
 */
export function formErrors(error: unknown, conflictField?: string): { fields: Record<string, string>; general: string | null } {
  if (!error) return { fields: {}, general: null };
  if (!(error instanceof ApiError)) return { fields: {}, general: 'The request failed. Try again.' };
  if (Object.keys(error.fieldErrors).length > 0) {
    return { fields: Object.fromEntries(Object.entries(error.fieldErrors).map(([field, message]) => [field, sentence(field, message)])), general: null };
  }
  if (error.status === 409 && conflictField) return { fields: { [conflictField]: error.detail }, general: null };
  return { fields: {}, general: error.detail };
}

const LABELS: Record<string, string> = { name: 'Name', email: 'Email', password: 'Password', role: 'Role', mall_ids: 'Malls' };

function sentence(field: string, message: string): string {
  const words = field.replace(/_/g, ' ');
  const label = LABELS[field] ?? words.charAt(0).toUpperCase() + words.slice(1);
  const text = `${label} ${message}`;
  return text.endsWith('.') ? text : `${text}.`;
}
