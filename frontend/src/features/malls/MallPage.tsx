import { Link, useParams } from 'react-router';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { QueryState } from '../../components/QueryState';
import { useMalls } from '../../lib/api/malls';
import { PinList } from './PinList';

export function MallPage() {
  const { mallId = '' } = useParams();
  const malls = useMalls();
  const mall = malls.data?.find((candidate) => candidate.id === mallId);
  return (
    <section aria-labelledby="mall-title">
      <QueryState isPending={malls.isPending} error={malls.error} what="mall">
        {mall ? (
          <>
            <Breadcrumbs items={[{ label: 'Malls', to: '/malls' }, { label: mall.name }]} />
            <h1 id="mall-title">{mall.name}</h1>
            <p>
              <Link to={`/malls/${mall.id}/timeline`}>Timeline of all pins</Link>{' '}
              <span className="muted">(times in {mall.time_zone})</span> · <Link to={`/malls/${mall.id}/exports`}>Exports</Link>
            </p>
            <PinList mallId={mall.id} mallName={mall.name} />
          </>
        ) : (
          <>
            <h1 id="mall-title">Mall not found</h1>
            <p role="alert">This mall does not exist or you have no access to it.</p>
          </>
        )}
      </QueryState>
    </section>
  );
}
