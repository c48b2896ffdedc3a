/** The IANA time zones this browser knows, offered as the field is typed in; the server has the last word. */
const ZONES = ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];

/** A text field for an IANA time zone with the known zones as suggestions. */
export function TimeZoneInput(props: {
  id: string;
  value: string;
  onChange: (zone: string) => void;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  'aria-label'?: string;
}) {
  const { value, onChange, ...rest } = props;
  const listId = `${props.id}-zones`;
  return (
    <>
      <input {...rest} list={listId} autoComplete="off" spellCheck={false} value={value} onChange={(event) => onChange(event.target.value)} />
      <datalist id={listId}>
        {ZONES.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
    </>
  );
}
