import type { ReactNode } from 'react';
import { QueryState } from '../../components/QueryState';
import type { Schemas } from '../../lib/api/client';
import { useUsers } from './api/admin';
import { GrantsEditor } from './GrantsEditor';

type Mall = Schemas['MallResponse'];
type User = Schemas['UserResponse'];

/**
 * Every user, with the malls granted to each (an admin sees every mall); `actions` renders what an
 * admin may do to each account (the route composes it from the accounts feature).
 */
export function UsersTable({ malls, actions }: { malls: Mall[]; actions?: (user: User) => ReactNode }) {
  const users = useUsers();
  return (
    <section aria-labelledby="users-title" className="card">
      <h2 id="users-title">Users and their malls</h2>
      <QueryState isPending={users.isPending} error={users.error} what="users">
        <table>
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Granted malls</th>
              {actions && <th scope="col">Account</th>}
            </tr>
          </thead>
          <tbody>
            {users.data?.map((user) => (
              <tr key={user.id}>
                <td>
                  {user.email}
                  {user.disabled && <span className="badge">disabled</span>}
                </td>
                <td>{user.role.toLowerCase()}</td>
                <td>{user.role === 'ADMIN' ? 'every mall' : <GrantsEditor user={user} malls={malls} />}</td>
                {actions && <td>{actions(user)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </QueryState>
    </section>
  );
}
