import { useEffect, useState } from 'react';
import { clock } from '../../lib/format';
import { zonedTime } from '../../lib/time';

/** One WebVTT cue per second: `label(second)` from that second to the next. */
export function captionsVtt(seconds: number, label: (second: number) => string): string {
  const stamp = (s: number) => `${clock(s)}.000`;
  const lines = ['WEBVTT', ''];
  const whole = Math.max(0, Math.ceil(seconds));
  for (let second = 0; second < whole; second++) {
    lines.push(`${stamp(second)} --> ${stamp(second + 1)}`, label(second), '');
  }
  return lines.join('\n');
}

/**
 * The player's captions track: CCTV has no speech to transcribe, so the captions say what a camera
 * burns into its picture, the pin and the recording's wall-clock time (or the time into the clip
 * when the recording time is unknown), second by second. A blob URL, made once the duration is
 * known and released with the player.
 */
export function useCaptionTrack(
  duration: number,
  pinName: string,
  recordedAt: string | null | undefined,
  timeZone: string | undefined,
): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!Number.isFinite(duration) || duration <= 0) return;
    const start = recordedAt ? new Date(recordedAt).getTime() : NaN;
    const label = (second: number) =>
      !Number.isNaN(start) && timeZone
        ? `${pinName} · ${zonedTime(start + second * 1000, timeZone)}`
        : `${pinName} · ${clock(second)} into the clip`;
    const made = URL.createObjectURL(new Blob([captionsVtt(duration, label)], { type: 'text/vtt' }));
    setUrl(made);
    return () => {
      URL.revokeObjectURL(made);
      setUrl(undefined);
    };
  }, [duration, pinName, recordedAt, timeZone]);
  return url;
}
