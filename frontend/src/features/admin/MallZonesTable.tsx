import type { Schemas } from '../../lib/api/client';
import { TimeZoneEditor } from './TimeZoneEditor';

/** Every mall with its time zone, in which the UI shows the days and times of its footage. */
export function MallZonesTable({ malls }: { malls: Schemas['MallResponse'][] }) {
  return (
    <section aria-labelledby="mall-zones-title" className="card">
      <h2 id="mall-zones-title">Malls and their time zones</h2>
      {malls.length === 0 ? (
        <p className="muted">No malls yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Mall</th>
              <th scope="col">Time zone</th>
            </tr>
          </thead>
          <tbody>
            {malls.map((mall) => (
              <tr key={mall.id}>
                <td>{mall.name}</td>
                <td>
                  <TimeZoneEditor mall={mall} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
