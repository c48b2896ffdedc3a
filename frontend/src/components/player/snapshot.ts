/** The wall-clock time of a position: when it was recorded plus how far in; null when the recording time is unknown. */
export function wallClock(recordedAt: string | null | undefined, seconds: number): string | null {
  if (!recordedAt) return null;
  const start = new Date(recordedAt).getTime();
  if (Number.isNaN(start)) return null;
  return new Date(start + Math.round(seconds * 1000)).toISOString();
}

/**
 * The file name of a snapshot: the pin and the wall-clock time of the frame (or, without a
 * recording time, the position in seconds), with nothing a file system could refuse.
 */
export function snapshotName(pinName: string, recordedAt: string | null | undefined, seconds: number): string {
  return `${safe(pinName)}-${safe(wallClock(recordedAt, seconds) ?? `${seconds.toFixed(1)}s`)}.png`;
}

function safe(text: string): string {
  return text.replace(/[^\p{L}\p{N}._-]+/gu, '_');
}

/** Draws the frame shown and hands it to the browser as a download named `name`. */
export function saveSnapshot(element: HTMLVideoElement, name: string, onSaved: () => void): void {
  if (!element.videoWidth) return;
  const canvas = document.createElement('canvas');
  canvas.width = element.videoWidth;
  canvas.height = element.videoHeight;
  canvas.getContext('2d')?.drawImage(element, 0, 0);
  canvas.toBlob((blob) => {
    if (!blob) return;
    const url = URL.createObjectURL(blob);
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = name;
    anchor.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    onSaved();
  }, 'image/png');
}
