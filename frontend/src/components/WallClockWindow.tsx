import type { ReactNode } from 'react';

/**
 * From and To of a window, typed on a mall's clock (`datetime-local`, to the second), the zone named
 * beside each label; `children` go after the two fields (a reset, say).
 */
export function WallClockWindow({
  zone,
  from,
  to,
  onFrom,
  onTo,
  children,
}: {
  zone: string;
  from: string;
  to: string;
  onFrom: (value: string) => void;
  onTo: (value: string) => void;
  children?: ReactNode;
}) {
  return (
    <div className="window-fields">
      <label>
        From <span className="muted">({zone})</span>
        <input type="datetime-local" step={1} value={from} onChange={(event) => onFrom(event.target.value)} />
      </label>
      <label>
        To <span className="muted">({zone})</span>
        <input type="datetime-local" step={1} value={to} onChange={(event) => onTo(event.target.value)} />
      </label>
      {children}
    </div>
  );
}
