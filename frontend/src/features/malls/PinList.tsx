import { Link } from 'react-router';
import { QueryState } from '../../components/QueryState';
import { may } from '../../lib/authorization';
import { usePins } from '../../lib/api/malls';

/** A mall's camera pins, each with its videos and (for those who may upload) its upload page. */
export function PinList({ mallId, mallName }: { mallId: string; mallName: string }) {
  const pins = usePins(mallId);
  const mayUpload = may('upload');
  return (
    <QueryState isPending={pins.isPending} error={pins.error} what={`pins of ${mallName}`}>
      {pins.data?.length === 0 ? (
        <p className="muted">
          No camera pins yet.{' '}
          {may('administer') ? <Link to="/admin">Add one on the admin page.</Link> : 'An admin adds them.'}
        </p>
      ) : (
        <ul className="pins" aria-label={`Pins of ${mallName}`}>
          {pins.data?.map((pin) => (
            <li key={pin.id}>
              <span className="pin-name">{pin.name}</span>
              <span className="pin-links">
                <Link to={`/malls/${mallId}/pins/${pin.id}/videos`} aria-label={`Videos of ${pin.name}`}>
                  Videos
                </Link>
                <Link to={`/malls/${mallId}/pins/${pin.id}/timeline`} aria-label={`Timeline of ${pin.name}`}>
                  Timeline
                </Link>
                {mayUpload && (
                  <Link to={`/malls/${mallId}/pins/${pin.id}/upload`} aria-label={`Upload to ${pin.name}`}>
                    Upload
                  </Link>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </QueryState>
  );
}
