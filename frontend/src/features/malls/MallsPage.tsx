import { Link } from 'react-router';
import { QueryState } from '../../components/QueryState';
import { may } from '../../lib/authorization';
import { useMalls } from '../../lib/api/malls';
import { PinList } from './PinList';

export function MallsPage() {
  const malls = useMalls();
  const isAdmin = may('administer');
  return (
    <section aria-labelledby="malls-title">
      <h1 id="malls-title">Malls</h1>
      <QueryState isPending={malls.isPending} error={malls.error} what="malls">
        {malls.data?.length === 0 ? (
          <p className="muted">
            {isAdmin ? (
              <>
                There are no malls yet. <Link to="/admin">Create the first one on the admin page.</Link>
              </>
            ) : (
              'You have not been granted any mall yet: ask an admin for access.'
            )}
          </p>
        ) : (
          <div className="grid">
            {malls.data?.map((mall) => (
              <article key={mall.id} className="card" aria-labelledby={`mall-${mall.id}`}>
                <h2 id={`mall-${mall.id}`}>
                  <Link to={`/malls/${mall.id}`}>{mall.name}</Link>
                </h2>
                <PinList mallId={mall.id} mallName={mall.name} />
              </article>
            ))}
          </div>
        )}
      </QueryState>
    </section>
  );
}
