import type { ReactNode } from 'react';
import { ApiError } from '../lib/api/client';

/** Loading and error states of a query, in words; renders `children` once there is data. */
export function QueryState({
  isPending,
  error,
  what,
  children,
}: {
  isPending: boolean;
  error: unknown;
  what: string;
  children: ReactNode;
}) {
  if (error) {
    const sentence = error instanceof ApiError ? error.detail : `The ${what} could not be loaded.`;
    return (
      <p role="alert" className="error">
        {sentence}
      </p>
    );
  }
  if (isPending) {
    return (
      <p role="status" className="muted">
        Loading {what}…
      </p>
    );
  }
  return <>{children}</>;
}
