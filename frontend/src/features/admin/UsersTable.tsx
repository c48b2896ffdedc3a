import { QueryState } from '../../components/QueryState';
import type { Schemas } from '../../lib/api/client';
import { useUsers } from './api/admin';
import { GrantsEditor } from './GrantsEditor';

type Mall = Schemas['MallResponse'];

/** Every user, with the malls granted to each (an admin sees every mall). */
export function UsersTable({ malls }: { malls: Mall[] }) {
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
            </tr>
          </thead>
          <tbody>
            {users.data?.map((user) => (
              <tr key={user.id}>
                <td>{user.email}</td>
                <td>{user.role.toLowerCase()}</td>
                <td>{user.role === 'ADMIN' ? 'every mall' : <GrantsEditor user={user} malls={malls} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </QueryState>
    </section>
  );
}
