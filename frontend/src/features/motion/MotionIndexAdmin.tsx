import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';

/**
 * "Build missing motion indexes": a motion_index job for every processed video without an index
 * (those processed before the proxy job made one), each made from the stored proxy.
 */
export function MotionIndexAdmin() {
  const build = useMutation({ mutationFn: () => unwrap(api.POST('/api/admin/motion-indexes', {})) });
  return (
    <section aria-labelledby="motion-admin-title" className="card">
      <h2 id="motion-admin-title">Motion indexes</h2>
      <p className="muted">
        New videos get their motion index while they are processed. Videos processed before need one built from their proxy for the activity
        strip and motion search.
      </p>
      <button type="button" onClick={() => build.mutate()} disabled={build.isPending}>
        Build missing motion indexes
      </button>
      <p role="status" aria-live="polite">
        {build.data &&
          (build.data.queued === 0 && build.data.already_running === 0
            ? 'Every processed video has its motion index.'
            : `${build.data.queued} ${build.data.queued === 1 ? 'job' : 'jobs'} queued${
                build.data.already_running > 0 ? `, ${build.data.already_running} already waiting or running` : ''
              }; follow them in the job dashboard.`)}
      </p>
      {build.error && (
        <p role="alert" className="error">
          {build.error.message}
        </p>
      )}
    </section>
  );
}
