import { useState } from 'react';
import { WallClockWindow } from '../../components/WallClockWindow';
import { may } from '../../lib/authorization';
import { wallClockToInstant, zonedDateTime } from '../../lib/time';
import { DisclosureForm } from './DisclosureForm';
import { wallClockInput } from './describe';
import { ExportProgress } from './ExportProgress';

interface Pin {
  id: string;
  name: string;
}

/**
 * Exporting a wall-clock window from a timeline, across clip boundaries: From and To on the mall's
 * clock (filled from In and Out marked in the player), and, on a mall's timeline, the pins to
 * include; each source clip becomes one file of the package.
 */
export function ExportWindow({
  mallId,
  zone,
  pins,
  from,
  to,
}: {
  mallId: string;
  zone: string;
  pins: Pin[];
  /** The window's start and end as instants (ms), e.g. In and Out; null leaves the field empty. */
  from: number | null;
  to: number | null;
}) {
  const [fromText, setFromText] = useState(from === null ? '' : wallClockInput(from, zone));
  const [toText, setToText] = useState(to === null ? '' : wallClockInput(to, zone));
  const [chosen, setChosen] = useState<string[]>(pins.length === 1 ? [pins[0].id] : []);
  const [open, setOpen] = useState(false);
  const [started, setStarted] = useState<string | null>(null);
  if (!may('changeVideos')) return null;
  const fromInstant = wallClockToInstant(fromText, zone);
  const toInstant = wallClockToInstant(toText, zone);
  const problem =
    !fromInstant || !toInstant
      ? 'Give From and To on the mall’s clock (mark In and Out in the player to fill them).'
      : Date.parse(toInstant) <= Date.parse(fromInstant)
        ? 'To must be after From.'
        : Date.parse(toInstant) - Date.parse(fromInstant) > 24 * 3600_000
          ? 'An export covers at most 24 hours.'
          : chosen.length === 0
            ? 'Choose at least one pin.'
            : null;
  return (
    <section aria-labelledby="export-window-title" className="card evidence">
      <h2 id="export-window-title">Evidence export</h2>
      <WallClockWindow zone={zone} from={fromText} to={toText} onFrom={setFromText} onTo={setToText} />
      {pins.length > 1 && (
        <fieldset className="pins-choice">
          <legend>Pins</legend>
          {pins.map((pin) => (
            <label key={pin.id}>
              <input
                type="checkbox"
                checked={chosen.includes(pin.id)}
                onChange={(event) =>
                  setChosen((now) => (event.target.checked ? [...now, pin.id] : now.filter((id) => id !== pin.id)))
                }
              />{' '}
              {pin.name}
            </label>
          ))}
        </fieldset>
      )}
      <p role="status" className="muted">
        {problem ?? `${zonedDateTime(fromInstant, zone)} to ${zonedDateTime(toInstant, zone)}, ${chosen.length} ${chosen.length === 1 ? 'pin' : 'pins'}.`}
      </p>
      {!open && (
        <button type="button" disabled={problem !== null} onClick={() => setOpen(true)}>
          Export clip
        </button>
      )}
      {open && fromInstant && toInstant && (
        <DisclosureForm
          mallId={mallId}
          scope={{ pin_ids: chosen, from: fromInstant, to: toInstant }}
          summary={`${zonedDateTime(fromInstant, zone)} to ${zonedDateTime(toInstant, zone)} of ${pins
            .filter((pin) => chosen.includes(pin.id))
            .map((pin) => pin.name)
            .join(', ')}: one file per recorded clip, cut from the originals.`}
          onStarted={(id) => {
            setStarted(id);
            setOpen(false);
          }}
          onCancel={() => setOpen(false)}
        />
      )}
      {started && <ExportProgress exportId={started} />}
    </section>
  );
}
