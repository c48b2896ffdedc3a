import type { Schemas } from '../../lib/api/client';

type Mall = Schemas['MallResponse'];

/** A box per mall, for the malls granted to a user. */
export function MallChoices({
  malls,
  chosen,
  onChange,
  legend,
  error,
}: {
  malls: Mall[];
  chosen: string[];
  onChange: (ids: string[]) => void;
  legend: string;
  error?: string;
}) {
  return (
    <fieldset className="choices" aria-describedby={error ? `${legend}-error` : undefined}>
      <legend>{legend}</legend>
      {malls.length === 0 && <p className="muted">No malls yet.</p>}
      {malls.map((mall) => (
        <label key={mall.id} className="check">
          <input
            type="checkbox"
            checked={chosen.includes(mall.id)}
            onChange={(event) =>
              onChange(event.target.checked ? [...chosen, mall.id] : chosen.filter((id) => id !== mall.id))
            }
          />
          {mall.name}
        </label>
      ))}
      {error && (
        <p id={`${legend}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
