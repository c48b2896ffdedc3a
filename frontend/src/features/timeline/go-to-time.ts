/** "Go to time": `14:32` or `14:32:05` (24-hour clock) as its parts, or the sentence that says what is wrong. */
export type ParsedTime = { ok: true; hour: number; minute: number; second: number } | { ok: false; error: string };

export function parseTimeOfDay(text: string): ParsedTime {
  const match = /^\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*$/.exec(text);
  if (!match) return { ok: false, error: 'Type a time as 14:32 or 14:32:05.' };
  const [hour, minute, second] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
  if (hour > 23) return { ok: false, error: `There is no hour ${hour}; hours go from 00 to 23.` };
  if (minute > 59 || second > 59) return { ok: false, error: 'Minutes and seconds go from 00 to 59.' };
  return { ok: true, hour, minute, second };
}
