import { describe, expect, it } from 'vitest';
import { parseTimeOfDay } from './go-to-time';

describe('Go to time', () => {
  it('accepts 14:32 and 14:32:05', () => {
    expect(parseTimeOfDay('14:32')).toEqual({ ok: true, hour: 14, minute: 32, second: 0 });
    expect(parseTimeOfDay(' 14:32:05 ')).toEqual({ ok: true, hour: 14, minute: 32, second: 5 });
    expect(parseTimeOfDay('7:05')).toEqual({ ok: true, hour: 7, minute: 5, second: 0 });
    expect(parseTimeOfDay('00:00:00')).toEqual({ ok: true, hour: 0, minute: 0, second: 0 });
  });

  it('says what is wrong with anything else', () => {
    expect(parseTimeOfDay('')).toEqual({ ok: false, error: 'Type a time as 14:32 or 14:32:05.' });
    expect(parseTimeOfDay('2pm')).toEqual({ ok: false, error: 'Type a time as 14:32 or 14:32:05.' });
    expect(parseTimeOfDay('14:3')).toEqual({ ok: false, error: 'Type a time as 14:32 or 14:32:05.' });
    expect(parseTimeOfDay('24:00')).toEqual({ ok: false, error: 'There is no hour 24; hours go from 00 to 23.' });
    expect(parseTimeOfDay('14:60')).toEqual({ ok: false, error: 'Minutes and seconds go from 00 to 59.' });
    expect(parseTimeOfDay('14:32:61')).toEqual({ ok: false, error: 'Minutes and seconds go from 00 to 59.' });
    expect(parseTimeOfDay('１４:３２')).toMatchObject({ ok: false });
  });
});
