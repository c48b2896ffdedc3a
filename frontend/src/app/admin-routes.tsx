import { PlacesEditor } from '../features/accounts/PlacesEditor';
import { UserActions } from '../features/accounts/UserActions';
import { AdminPage } from '../features/admin/AdminPage';
import { MotionIndexAdmin } from '../features/motion/MotionIndexAdmin';
import { RetentionSettings } from '../features/retention/RetentionSettings';
import { may } from '../lib/authorization';

/**
 * The admin page with what other features add: each account's actions, renaming and removing malls
 * and pins (accounts), each mall's retention and tonight's deletions (retention), building missing
 * motion indexes (motion).
 */
export function AdminRoute() {
  return (
    <AdminPage userActions={(user) => <UserActions user={user} />}>
      {may('administer') && (
        <>
          <PlacesEditor />
          <RetentionSettings />
          <MotionIndexAdmin />
        </>
      )}
    </AdminPage>
  );
}
