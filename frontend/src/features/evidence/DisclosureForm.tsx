import { useState } from 'react';
import { Field } from '../../components/Field';
import { formErrors } from '../../lib/form-errors';
import { useCreateExport, type ExportRequest } from './api/evidence';
import { MODES } from './describe';

export type ExportScope = Omit<ExportRequest, 'recipient_name' | 'recipient_organisation' | 'purpose' | 'reference' | 'mode'>;

/**
 * The disclosure form every export needs (the ICO's checklist for disclosing CCTV): who receives
 * the footage, for which organisation, why, and their reference; and how the clip is cut.
 */
export function DisclosureForm({
  mallId,
  scope,
  summary,
  onStarted,
  onCancel,
}: {
  mallId: string;
  scope: ExportScope;
  /** What is exported, in words, above the form. */
  summary: string;
  onStarted: (exportId: string) => void;
  onCancel: () => void;
}) {
  const create = useCreateExport();
  const [recipient, setRecipient] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [purpose, setPurpose] = useState('');
  const [reference, setReference] = useState('');
  const [mode, setMode] = useState<string>('stream_copy');
  const errors = formErrors(create.error);
  return (
    <form
      className="card disclosure"
      aria-labelledby="disclosure-title"
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate(
          {
            mallId,
            body: {
              ...scope,
              mode,
              recipient_name: recipient.trim(),
              recipient_organisation: organisation.trim(),
              purpose: purpose.trim(),
              reference: reference.trim(),
            },
          },
          { onSuccess: (started) => onStarted(started.id) },
        );
      }}
    >
      <h3 id="disclosure-title">Disclosure</h3>
      <p>{summary}</p>
      <Field id="export-recipient" label="Recipient name" error={errors.fields.recipient_name}>
        {(props) => <input {...props} value={recipient} onChange={(event) => setRecipient(event.target.value)} required maxLength={200} autoComplete="off" />}
      </Field>
      <Field id="export-organisation" label="Recipient organisation" error={errors.fields.recipient_organisation}>
        {(props) => <input {...props} value={organisation} onChange={(event) => setOrganisation(event.target.value)} required maxLength={200} />}
      </Field>
      <Field id="export-purpose" label="Purpose" error={errors.fields.purpose}>
        {(props) => <textarea {...props} value={purpose} onChange={(event) => setPurpose(event.target.value)} required maxLength={1000} rows={2} />}
      </Field>
      <Field id="export-reference" label="Reference (e.g. police incident number)" error={errors.fields.reference}>
        {(props) => <input {...props} value={reference} onChange={(event) => setReference(event.target.value)} required maxLength={200} />}
      </Field>
      <fieldset className="modes">
        <legend>How to cut</legend>
        {MODES.map((one) => (
          <label key={one.value}>
            <input type="radio" name="export-mode" value={one.value} checked={mode === one.value} onChange={() => setMode(one.value)} />{' '}
            {one.label} <span className="muted">— {one.hint}</span>
          </label>
        ))}
      </fieldset>
      {errors.general && (
        <p role="alert" className="error">
          {errors.general}
        </p>
      )}
      <p className="actions">
        <button type="submit" disabled={create.isPending}>
          {create.isPending ? 'Starting…' : 'Start export'}
        </button>{' '}
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </p>
    </form>
  );
}
