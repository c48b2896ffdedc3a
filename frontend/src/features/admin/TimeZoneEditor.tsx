import { useState, type FormEvent } from 'react';
import type { Schemas } from '../../lib/api/client';
import { formErrors } from '../../lib/form-errors';
import { useChangeTimeZone } from './api/admin';
import { Saved } from './Saved';
import { TimeZoneInput } from './TimeZoneInput';

/** One mall's time zone; Save is offered once it changed, and the server's sentence shows by the field. */
export function TimeZoneEditor({ mall }: { mall: Schemas['MallResponse'] }) {
  const change = useChangeTimeZone();
  const [zone, setZone] = useState(mall.time_zone);
  const [saved, setSaved] = useState<string | null>(null);
  const errors = formErrors(change.error);
  const error = errors.general ?? errors.fields.time_zone;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    change.mutate({ mallId: mall.id, timeZone: zone.trim() }, { onSuccess: (changed) => setSaved(`Now in ${changed.time_zone}.`) });
  };
  return (
    <form onSubmit={submit} className="zone-form" aria-label={`Time zone of ${mall.name}`} noValidate>
      <TimeZoneInput
        id={`zone-${mall.id}`}
        aria-label={`Time zone of ${mall.name}`}
        aria-invalid={!!error}
        aria-describedby={error ? `zone-${mall.id}-error` : undefined}
        value={zone}
        onChange={setZone}
      />
      <button
        type="submit"
        className="secondary"
        disabled={zone.trim() === mall.time_zone || change.isPending}
        aria-label={`Save time zone of ${mall.name}`}
      >
        Save time zone
      </button>
      {error && (
        <p id={`zone-${mall.id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
      <Saved text={saved} />
    </form>
  );
}
