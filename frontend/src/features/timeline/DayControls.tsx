import { useId, useState, type FormEvent } from 'react';
import { addDays, formatDay, instantOf, parseDate } from '../../lib/time';
import { parseTimeOfDay } from './go-to-time';

interface Props {
  date: string;
  zone: string;
  onDate: (date: string) => void;
  /** The instant the typed time is on this day, in the mall's zone. */
  onTime: (ms: number) => void;
}

/** Previous/next day, a date picker, and "Go to time" (14:32 or 14:32:05, in the mall's zone). */
export function DayControls({ date, zone, onDate, onTime }: Props) {
  const [time, setTime] = useState('');
  const [error, setError] = useState('');
  const errorId = useId();

  const go = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseTimeOfDay(time);
    const day = parseDate(date);
    if (!parsed.ok || !day) {
      setError(parsed.ok ? 'Choose a day first.' : parsed.error);
      return;
    }
    setError('');
    onTime(instantOf({ ...day, hour: parsed.hour, minute: parsed.minute, second: parsed.second }, zone));
  };

  return (
    <div className="day-controls">
      <div className="day-nav" role="group" aria-label="Day">
        <button type="button" className="secondary" onClick={() => onDate(addDays(date, -1))}>
          ← Previous day
        </button>
        <label>
          Date
          <input
            type="date"
            value={date}
            required
            onChange={(event) => {
              if (parseDate(event.target.value)) onDate(event.target.value);
            }}
          />
        </label>
        <button type="button" className="secondary" onClick={() => onDate(addDays(date, 1))}>
          Next day →
        </button>
        <span className="day-name">
          {formatDay(date)} <span className="muted">({zone})</span>
        </span>
      </div>
      <form className="go-to-time" onSubmit={go} noValidate>
        <label>
          Go to time
          <input
            type="text"
            inputMode="numeric"
            placeholder="14:32:05"
            value={time}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            onChange={(event) => setTime(event.target.value)}
          />
        </label>
        <button type="submit">Go</button>
        {error && (
          <span id={errorId} role="alert" className="error">
            {error}
          </span>
        )}
      </form>
    </div>
  );
}
