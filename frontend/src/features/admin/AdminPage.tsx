import type { ReactNode } from 'react';
import type { Schemas } from '../../lib/api/client';
import { useMalls } from '../../lib/api/malls';
import { may } from '../../lib/authorization';
import { CreateMallForm } from './CreateMallForm';
import { CreatePinForm } from './CreatePinForm';
import { CreateUserForm } from './CreateUserForm';
import { MallZonesTable } from './MallZonesTable';
import { UsersTable } from './UsersTable';

/**
 * Malls, pins and users: for admins only. The route adds what other features do to them: each
 * account's actions (`userActions`) and further sections (`children`).
 */
export function AdminPage({ userActions, children }: { userActions?: (user: Schemas['UserResponse']) => ReactNode; children?: ReactNode }) {
  const malls = useMalls();
  if (!may('administer')) {
    return (
      <section aria-labelledby="admin-title">
        <h1 id="admin-title">Admin</h1>
        <p role="alert">Only admins can set up malls, pins and users.</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="admin-title">
      <h1 id="admin-title">Admin</h1>
      <div className="grid admin-grid">
        <CreateMallForm />
        <CreatePinForm malls={malls.data ?? []} />
        <CreateUserForm malls={malls.data ?? []} />
      </div>
      <MallZonesTable malls={malls.data ?? []} />
      <UsersTable malls={malls.data ?? []} actions={userActions} />
      {children}
    </section>
  );
}
