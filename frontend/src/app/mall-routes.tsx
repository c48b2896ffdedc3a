import { useParams } from 'react-router';
import { Breadcrumbs } from '../components/Breadcrumbs';
import { QueryState } from '../components/QueryState';
import { ExportsPage } from '../features/evidence/ExportsPage';
import { ExportWindow } from '../features/evidence/ExportWindow';
import { MallTimelinePage } from '../features/timeline/MallTimelinePage';
import { useMalls, usePins } from '../lib/api/malls';

/** A mall's timeline of all its pins, under the mall's breadcrumbs. */
export function MallTimelineRoute() {
  const { mallId = '' } = useParams();
  const malls = useMalls();
  const mall = malls.data?.find((candidate) => candidate.id === mallId);
  return (
    <section aria-labelledby="mall-timeline-title">
      <QueryState isPending={malls.isPending} error={malls.error} what="mall">
        {mall ? (
          <>
            <Breadcrumbs items={[{ label: 'Malls', to: '/malls' }, { label: mall.name, to: `/malls/${mall.id}` }, { label: 'Timeline' }]} />
            <h1 id="mall-timeline-title">Timeline: {mall.name}</h1>
            <MallTimelinePage key={mall.id} mallId={mall.id} mallName={mall.name} zone={mall.time_zone} />
            <MallExportWindow mallId={mall.id} zone={mall.time_zone} />
          </>
        ) : (
          <>
            <h1 id="mall-timeline-title">Mall not found</h1>
            <p role="alert">This mall does not exist or you have no access to it.</p>
          </>
        )}
      </QueryState>
    </section>
  );
}

/** One window exported for several pins of the mall at once. */
function MallExportWindow({ mallId, zone }: { mallId: string; zone: string }) {
  const pins = usePins(mallId);
  if (!pins.data || pins.data.length === 0) return null;
  return <ExportWindow mallId={mallId} zone={zone} pins={pins.data.map((pin) => ({ id: pin.id, name: pin.name }))} from={null} to={null} />;
}

/** A mall's evidence exports, under the mall's breadcrumbs. */
export function MallExportsRoute() {
  const { mallId = '' } = useParams();
  const malls = useMalls();
  const mall = malls.data?.find((candidate) => candidate.id === mallId);
  return (
    <QueryState isPending={malls.isPending} error={malls.error} what="mall">
      {mall ? (
        <>
          <Breadcrumbs items={[{ label: 'Malls', to: '/malls' }, { label: mall.name, to: `/malls/${mall.id}` }, { label: 'Exports' }]} />
          <ExportsPage key={mall.id} mallId={mall.id} mallName={mall.name} />
        </>
      ) : (
        <section aria-labelledby="exports-title">
          <h1 id="exports-title">Mall not found</h1>
          <p role="alert">This mall does not exist or you have no access to it.</p>
        </section>
      )}
    </QueryState>
  );
}
