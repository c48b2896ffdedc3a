import { Link } from 'react-router';
import { QueryState } from '../../components/QueryState';
import { useMallExports } from './api/evidence';
import { ExportsTable } from './ExportsTable';

/** A mall's evidence exports, newest first, with their state; packages are downloaded from here. */
export function ExportsPage({ mallId, mallName }: { mallId: string; mallName: string }) {
  const exports = useMallExports(mallId);
  return (
    <section aria-labelledby="exports-title">
      <h1 id="exports-title">Exports: {mallName}</h1>
      <p className="muted">
        Clips cut from the originals for a named recipient, each in a signed package. Export from a video’s page or a timeline; check a
        package on <Link to="/evidence/verify">Verify a package</Link>.
      </p>
      <QueryState isPending={exports.isPending} error={exports.error} what="the exports">
        {exports.data && <ExportsTable exports={exports.data} caption={`Evidence exports of ${mallName}`} />}
      </QueryState>
    </section>
  );
}
