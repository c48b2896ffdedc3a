import { PlacesEditor } from '../features/accounts/PlacesEditor';
import { UserActions } from '../features/accounts/UserActions';
import { AdminPage } from '../features/admin/AdminPage';
import { may } from '../lib/authorization';

/** The admin page with what the accounts feature adds: each account's actions, renaming and removing malls and pins. */
export function AdminRoute() {
  return <AdminPage userActions={(user) => <UserActions user={user} />}>{may('administer') && <PlacesEditor />}</AdminPage>;
}
